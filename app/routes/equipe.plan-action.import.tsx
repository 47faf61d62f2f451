import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ApplyImportForm } from "~/components/import";
import { Notice } from "~/components/notice";
import { HttpError } from "~/lib/errors";
import { readFormData, readIntent } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { parseActionPlanCsv } from "~/modules/action-plan/csv";
import { CSV_COLUMNS } from "~/modules/action-plan/vocabulary";
import { readCsvUpload } from "~/lib/uploads.server";
import { applyImport, previewImport } from "~/modules/action-plan/import.server";

export const meta: MetaFunction = () => [{ title: "Importer le plan d'action — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "action-plan:edit");
  return null;
}

const MAX_CSV_CHARS = 500_000;

/** The upload form sends no intent: it previews; "apply" imports what was previewed. */
export const INTENTS = ["preview", "apply"] as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  const form = await readFormData(request);
  const intent = readIntent(form, INTENTS, "preview");
  let text: string;
  try {
    text = await readCsvUpload(form, MAX_CSV_CHARS);
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ stage: "error" as const, message: error.message, errors: [] }, { status: error.status });
  }
  const { rows, errors } = parseActionPlanCsv(text);
  if (errors.length) return data({ stage: "error" as const, message: "Le fichier contient des erreurs : rien n'a été importé.", errors }, { status: 422 });
  if (intent === "preview") return { stage: "preview" as const, csv: text, preview: previewImport(rows) };
  try {
    const { created, updated } = applyImport(user, rows);
    return { stage: "done" as const, message: `Import terminé : ${created} action(s) créée(s), ${updated} mise(s) à jour.` };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return data({ stage: "error" as const, message: error.message, errors: [] }, { status: error.status });
  }
}

const CHANGE_LABELS = { create: "Création", update: "Modification", same: "Inchangée" } as const;

export default function ImportPlan() {
  const result = useActionData<typeof action>();
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/plan-action">← Plan d'action</Link>
      </p>
      <h1>Importer le plan d'action</h1>
      <p>
        Le fichier reprend les colonnes de l'export, dans cet ordre : {CSV_COLUMNS.join(", ")}. Séparateur point-virgule ou virgule ;
        encodage UTF-8 ou Windows (export de tableur). Les listes (thèmes, signalements, étapes) sont séparées par « | ». Une action
        est reconnue par son chantier, son défi et son titre : elle est mise à jour, sinon créée.
      </p>
      {result?.stage === "error" ? (
        <div role="alert" className="alert alert-error">
          <p className="mb-0 font-bold">{result.message}</p>
          {result.errors.length ? (
            <ul className="mt-2 list-disc pl-6">
              {result.errors.map((e) => (
                <li key={`${e.line}-${e.message}`}>
                  Ligne {e.line} : {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result?.stage === "done" ? <Notice ok message={result.message} /> : null}
      {result?.stage === "preview" ? (
        <section aria-labelledby="apercu">
          <h2 id="apercu">Aperçu</h2>
          <table className="table mb-4">
            <caption className="sr-only">Ce que l'import va faire, ligne par ligne</caption>
            <thead>
              <tr>
                <th scope="col">Ligne</th>
                <th scope="col">Action</th>
                <th scope="col">Effet</th>
              </tr>
            </thead>
            <tbody>
              {result.preview.map((p) => (
                <tr key={p.line}>
                  <td>{p.line}</td>
                  <td>{p.title}</td>
                  <td>
                    {CHANGE_LABELS[p.change]}
                    {p.details.length ? ` : ${p.details.join(", ")}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ApplyImportForm csv={result.csv} />
        </section>
      ) : null}
      <h2>Fichier</h2>
      <Form method="post" encType="multipart/form-data" className="card">
        <label htmlFor="fichier" className="label">
          Fichier CSV
        </label>
        <input id="fichier" name="fichier" type="file" accept=".csv,text/csv" className="mb-4 block" />
        <button type="submit" className="btn">
          Voir l'aperçu
        </button>
      </Form>
    </div>
  );
}
