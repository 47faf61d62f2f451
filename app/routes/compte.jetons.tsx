import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrors, TextField, useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { RowActionForm } from "~/components/row-action";
import { formatDateTime } from "~/lib/dates";
import { formAction } from "~/lib/forms.server";
import { requirePermission, requireUser } from "~/lib/permissions.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/modules/accounts/index.server";
import { tokensPageSchema } from "~/modules/accounts";
import { TableRegion } from "~/components/table-region";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { tokens: listApiTokens(user.id) };
}

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["create-token", "revoke-token"] as const;
export const ACTION_SCHEMA = tokensPageSchema;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "account:manage-tokens");
  return formAction(request, tokensPageSchema, (input) => {
    if (input.intent === "revoke-token") {
      revokeApiToken(user.id, input.tokenId);
      return { message: "Le jeton a été révoqué." };
    }
    const { token } = createApiToken(user.id, input.label);
    return { message: "Jeton créé.", token, resetForm: true };
  });
}

export default function AccountTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [tokenForm, tokenFields] = useActionForm(tokensPageSchema, { actionData, intent: "create-token", id: "jeton" });
  return (
    <>
      {actionData && (actionData.ok || actionData.intent === "revoke-token") ? (
        <div role={actionData.ok ? "status" : "alert"} className={`fr-alert fr-alert--sm mb-6 ${actionData.ok ? "fr-alert--success" : "fr-alert--error"}`}>
          <p className="mb-0">{actionData.message}</p>
          {actionData.token ? (
            <p className="mb-0 mt-2">
              Copiez-le maintenant, il ne sera plus affiché : <code className="break-all bg-white px-1">{actionData.token}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <h2>Jetons d'accès à l'API</h2>
      <p>
        Un jeton personnel permet à un outil (par exemple le logiciel de support d'un éditeur) d'utiliser l'API de Sentinelle en votre nom,
        avec vos droits. Seule son empreinte est conservée.
      </p>
      {tokens.length > 0 ? (
        <TableRegion label="Vos jetons actifs">
          <table className="mb-6">
            <caption className="sr-only">Vos jetons actifs</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Début du jeton</th>
                <th scope="col">Créé le</th>
                <th scope="col">Dernière utilisation</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.label}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "jamais"}</td>
                  <td>
                    <RowActionForm intent="revoke-token" idName="tokenId" id={t.id} ariaLabel={`Révoquer le jeton ${t.label}`}>
                      Révoquer
                    </RowActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p>Vous n'avez aucun jeton actif.</p>
      )}
      <FormErrors form={tokenForm} />
      <Form method="post" {...getFormProps(tokenForm)} className="card">
        <input type="hidden" name="intent" value="create-token" />
        <TextField field={tokenFields.label} label="Nom du jeton" hint="Par exemple : « outil de support »." required />
        <button type="submit" className="fr-btn">
          Créer un jeton
        </button>
      </Form>
    </>
  );
}
