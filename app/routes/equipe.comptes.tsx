import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { FilterSubmit } from "~/components/filters";
import { RowActionForm } from "~/components/row-action";
import { readQuery } from "~/lib/api.server";
import { formatDateTime } from "~/lib/dates";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { listAccounts, setAccountDisabled } from "~/modules/accounts/index.server";
import { ROLE_LABELS, accountSearchSchema, accountsPageSchema } from "~/modules/accounts";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Comptes — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requirePermission(request, "admin:accounts");
  const { q } = orErrorPage(() => readQuery(request, accountSearchSchema));
  return { q: q ?? "", accounts: listAccounts(q), selfId: admin.id };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["disable", "enable"] as const;
export const ACTION_SCHEMA = accountsPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin:accounts");
  return formAction(request, accountsPageSchema, ({ intent, userId }) => {
    setAccountDisabled(admin, userId, intent === "disable");
    return { message: intent === "disable" ? "Compte désactivé : ses sessions sont fermées et ses jetons ne fonctionnent plus." : "Compte réactivé." };
  });
}

export default function Accounts() {
  const { q, accounts, selfId } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div>
      <h1>Comptes</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <Form method="get" className="card mb-6 flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="q" className="label">
            Rechercher (e-mail ou nom)
          </label>
          <input id="q" name="q" defaultValue={q} className="fr-input" />
        </div>
        <FilterSubmit />
      </Form>
      <TableRegion label="Comptes">
        <table>
          <caption className="sr-only">Comptes, les plus récents d'abord</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">E-mail</th>
              <th scope="col">Rôle</th>
              <th scope="col">Créé le</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.displayName}</td>
                <td className="break-all">{a.email}</td>
                <td>{ROLE_LABELS[a.role]}</td>
                <td>{formatDateTime(a.createdAt)}</td>
                <td>
                  {a.id === selfId ? (
                    "Votre compte"
                  ) : (
                    <RowActionForm
                      className="flex flex-wrap items-center gap-2"
                      leading={<span>{a.disabledAt ? "Désactivé" : "Actif"}</span>}
                      intent={a.disabledAt ? "enable" : "disable"}
                      idName="userId"
                      id={a.id}
                      ariaLabel={`${a.disabledAt ? "Réactiver" : "Désactiver"} le compte ${a.email}`}
                    >
                      {a.disabledAt ? "Réactiver" : "Désactiver"}
                    </RowActionForm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </div>
  );
}
