import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { RowActionForm } from "~/components/row-action";
import { BalanceTable, seminarDate } from "~/components/seminars";
import { getFormProps } from "@conform-to/react";
import { ChoiceGroup, SelectField, TextField, useActionForm, FormErrors } from "~/components/forms";
import { idParam } from "~/lib/api.server";
import { orErrorPage } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { DETAIL_LABELS, SIDE_CHOICES, SIDE_LABEL_ONE, registrationsPageSchema } from "~/modules/seminars";
import {
  getSeminarForTeam,
  listRegistrations,
  registerFromForm,
  removeRegistration,
  seminarBalance,
} from "~/modules/seminars/index.server";
import { TableRegion } from "~/components/table-region";
import { crumbFrom } from "~/components/breadcrumb";

export const meta: MetaFunction = () => [{ title: "Inscriptions au séminaire — Sentinelle" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const seminar = orErrorPage(() => getSeminarForTeam(user, idParam(params.id)));
  return {
    seminar: { id: seminar.id, title: seminar.title, date: seminar.date, workshops: seminar.workshops.map((w) => ({ id: w.id, number: w.number, title: w.title })) },
    registrations: listRegistrations(user, seminar.id),
    balance: seminarBalance(seminar.id),
  };
}

/** The registration form's default intent is "register". */
/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["register", "remove"] as const;
export const ACTION_SCHEMA = registrationsPageSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const id = orErrorPage(() => idParam(params.id));
  return formAction(
    request,
    registrationsPageSchema,
    (input) => {
      if (input.intent === "remove") {
        removeRegistration(user, id, input.registrationId);
        return { message: "Inscription retirée." };
      }
      const { intent: _, ...registration } = input;
      registerFromForm(id, { kind: "team", actor: user }, registration);
      return { message: `${input.name} est inscrit.`, resetForm: true };
    },
    { defaultIntent: "register" },
  );
}

export const handle = crumbFrom<{ seminar?: { id: number; title: string } }>(
  () => undefined,
  (data) => (data.seminar ? { label: data.seminar.title, to: `/equipe/seminaires/${data.seminar.id}` } : undefined),
);

export default function Registrations() {
  const { seminar, registrations, balance } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useActionForm(registrationsPageSchema, { actionData: result, intent: "register" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to={`/equipe/seminaires/${seminar.id}`}>← {seminar.title}</Link>
      </p>
      <h1>Inscriptions — séminaire du {seminarDate(seminar.date)}</h1>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <h2>Équilibre du triangle</h2>
      <BalanceTable balance={balance.overall} caption={`Ensemble du séminaire : ${balance.overall.total} inscrits`} />
      {balance.workshops.map((w) => (
        <BalanceTable
          key={w.id}
          balance={w.balance}
          caption={`Atelier ${w.number} — ${w.title} : ${w.balance.total} inscrits${w.capacity !== null ? ` sur ${w.capacity} places (${w.placesLeft} restantes)` : ""}`}
        />
      ))}
      <h2>Inscrits</h2>
      <p className="text-sm">Une inscription faite sans compte confirmé ne compte qu'une fois l'adresse confirmée par le lien envoyé ; sans confirmation, elle est effacée au bout de trois jours.</p>
      {registrations.length === 0 ? <p>Aucune inscription.</p> : null}
      {registrations.length ? (
        <TableRegion label="Inscrits">
          <table>
            <caption className="sr-only">Inscrits</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Adresse</th>
                <th scope="col">Côté</th>
                <th scope="col">Ateliers</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {registrations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.name}
                    {r.organisation ? <span className="block text-sm font-normal">{r.organisation}</span> : null}
                  </th>
                  <td>{r.email}</td>
                  <td>
                    {SIDE_LABEL_ONE[r.side]}
                    {r.sideDetail ? ` (${DETAIL_LABELS[r.sideDetail]})` : ""}
                    {r.userId ? "" : " · invité"}
                    {r.confirmedAt ? "" : " · en attente de confirmation (non compté)"}
                  </td>
                  <td>{r.workshops.length ? r.workshops.join(", ") : "—"}</td>
                  <td>
                    <RowActionForm intent="remove" idName="registrationId" id={r.id}>
                      Retirer<span className="sr-only"> {r.name}</span>
                    </RowActionForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <h2>Inscrire quelqu'un</h2>
      <FormErrors form={form} />
      <Form method="post" className="card grid gap-x-4 md:grid-cols-2" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="register" />
        <TextField field={fields.name} label="Nom" required />
        <TextField field={fields.email} label="Adresse e-mail" type="email" required />
        <SelectField field={fields.sideChoice} label="Côté" options={SIDE_CHOICES} />
        <TextField field={fields.organisation} label="Organisation (facultatif)" />
        <div className="md:col-span-2">
          <ChoiceGroup
            field={fields.workshopIds}
            legend="Ateliers"
            type="checkbox"
            options={seminar.workshops.map((w) => ({ value: String(w.id), label: `Atelier ${w.number} — ${w.title}` }))}
          />
        </div>
        <div>
          <button type="submit" className="fr-btn">
            Inscrire
          </button>
        </div>
      </Form>
    </div>
  );
}
