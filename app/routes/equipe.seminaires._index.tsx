import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { seminarDate } from "~/components/seminars";
import { getFormProps } from "@conform-to/react";
import { TextField, useActionForm, FormErrors } from "~/components/forms";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { seminarFormSchema } from "~/modules/seminars";
import { createSeminar, listSeminarsForTeam } from "~/modules/seminars/index.server";
import { TableRegion } from "~/components/table-region";

export const meta: MetaFunction = () => [{ title: "Séminaires (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "seminar:manage");
  return { seminars: listSeminarsForTeam() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  return formAction(request, seminarFormSchema, (input) => {
    const { id } = createSeminar(user, input);
    return redirect(`/equipe/seminaires/${id}?cree=1`);
  });
}

export default function TeamSeminars() {
  const { seminars } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useActionForm(seminarFormSchema, { actionData: result });
  return (
    <div className="prose-page">
      <h1>Séminaires et ateliers</h1>
      <p>Préparez les séminaires tripartites, suivez les inscriptions, animez les ateliers et versez ce qui en sort au plan d'action.</p>
      <TableRegion label="Séminaires">
        <table>
          <caption className="sr-only">Séminaires</caption>
          <thead>
            <tr>
              <th scope="col">Séminaire</th>
              <th scope="col">Date</th>
              <th scope="col">Ateliers</th>
              <th scope="col">Inscrits</th>
              <th scope="col">Public</th>
            </tr>
          </thead>
          <tbody>
            {seminars.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/equipe/seminaires/${s.id}`}>{s.title}</Link>
                </th>
                <td>{seminarDate(s.date)}</td>
                <td>{s.workshops}</td>
                <td>
                  <Link to={`/equipe/seminaires/${s.id}/inscriptions`}>
                    {s.registrations}
                    <span className="sr-only"> inscrits à {s.title}</span>
                  </Link>
                </td>
                <td>{s.published ? (s.registrationOpen ? "Publié, inscriptions ouvertes" : "Publié") : "Non publié"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h2>Nouveau séminaire</h2>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <FormErrors form={form} />
      <Form method="post" className="card grid gap-x-4 md:grid-cols-2" {...getFormProps(form)}>
        <div className="md:col-span-2">
          <TextField field={fields.title} label="Titre" required />
        </div>
        <div className="mb-6">
          <label htmlFor={fields.date.id} className="label">
            Date
          </label>
          <input
            id={fields.date.id}
            name={fields.date.name}
            type="date"
            className="fr-input"
            required
            defaultValue={typeof fields.date.initialValue === "string" ? fields.date.initialValue : undefined}
            aria-invalid={fields.date.errors?.length ? true : undefined}
            aria-describedby={fields.date.errors?.length ? fields.date.errorId : undefined}
          />
          {fields.date.errors?.length ? (
            <div id={fields.date.errorId} className="field-error">
              {fields.date.errors.join(" ")}
            </div>
          ) : null}
        </div>
        <TextField field={fields.place} label="Lieu" />
        <div className="md:col-span-2">
          <TextField field={fields.objectives} label="Objectifs" hint="Un par ligne." multiline rows={3} />
        </div>
        <div>
          <button type="submit" className="fr-btn">
            Créer le séminaire
          </button>
        </div>
      </Form>
    </div>
  );
}
