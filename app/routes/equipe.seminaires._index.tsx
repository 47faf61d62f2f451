import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/notice";
import { seminarDate } from "~/components/seminars";
import { parseOrThrow } from "~/lib/api.server";
import { readFormData, refusalNotice } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { seminarFormSchema } from "~/modules/seminars/schemas";
import { createSeminar, listSeminarsForTeam } from "~/modules/seminars/agenda.server";

export const meta: MetaFunction = () => [{ title: "Séminaires (équipe) — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "seminar:manage");
  return { seminars: listSeminarsForTeam() };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "seminar:manage");
  const form = await readFormData(request);
  try {
    const input = parseOrThrow(seminarFormSchema, Object.fromEntries(form), "Séminaire invalide.");
    const { id } = createSeminar(user, input);
    return redirect(`/equipe/seminaires/${id}?cree=1`);
  } catch (error) {
    return refusalNotice(error);
  }
}

export default function TeamSeminars() {
  const { seminars } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <h1>Séminaires et ateliers</h1>
      <p>Préparez les séminaires tripartites, suivez les inscriptions, animez les ateliers et versez ce qui en sort au plan d'action.</p>
      <table className="table">
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
      <h2>Nouveau séminaire</h2>
      {result ? <Notice ok={result.ok} message={result.message} /> : null}
      <Form method="post" className="card grid gap-4 md:grid-cols-2">
        <div className="md:col-span-2">
          <label htmlFor="s-title" className="label">
            Titre
          </label>
          <input id="s-title" name="title" className="input" required />
        </div>
        <div>
          <label htmlFor="s-date" className="label">
            Date
          </label>
          <input id="s-date" name="date" type="date" className="input" required />
        </div>
        <div>
          <label htmlFor="s-place" className="label">
            Lieu
          </label>
          <input id="s-place" name="place" className="input" />
        </div>
        <div className="md:col-span-2">
          <label htmlFor="s-objectives" className="label">
            Objectifs<span className="hint">Un par ligne.</span>
          </label>
          <textarea id="s-objectives" name="objectives" rows={3} className="input" />
        </div>
        <div>
          <button type="submit" className="btn">
            Créer le séminaire
          </button>
        </div>
      </Form>
    </div>
  );
}
