import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { ApplyImportForm, CsvFileField, LineErrorList } from "~/components/import";
import { useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { HttpError } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { CSV_COLUMNS, type CsvParseResult, importPageSchema, parseActionPlanCsv } from "~/modules/action-plan";
import { readCsvUpload } from "~/lib/uploads.server";
import { applyImport, previewImport } from "~/modules/action-plan/index.server";
import { TableRegion } from "~/components/table-region";
import { counted } from "~/lib/text/plural";

export const meta: MetaFunction = () => [{ title: "Importer le plan d'action — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "action-plan:edit");
  return null;
}

const MAX_CSV_CHARS = 500_000;

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["preview", "apply"] as const;
export const ACTION_SCHEMA = importPageSchema;

/** A preview sends the text back with what the import would do; an import says what it did. */
type ImportOutcome = { message: string; csv?: string; preview?: ReturnType<typeof previewImport> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "action-plan:edit");
  return formAction(
    request,
    importPageSchema,
    async ({ intent }, form): Promise<ImportOutcome> => {
      const text = await readCsvUpload(form, MAX_CSV_CHARS);
      const { rows, errors } = parseActionPlanCsv(text);
      if (errors.length) throw new HttpError(422, "Le fichier contient des erreurs : rien n'a été importé.", undefined, undefined, undefined, { errors });
      if (intent === "preview") return { message: "Aperçu de l'import.", csv: text, preview: previewImport(rows) };
      const { created, updated } = applyImport(user, rows);
      return { message: `Import terminé : ${counted(created, "action créée", "actions créées")}, ${counted(updated, "mise à jour", "mises à jour")}.` };
    },
    { defaultIntent: "preview" },
  );
}

/** A refused file comes back with its errors, line by line. */
type LineErrors = { errors?: CsvParseResult["errors"] };

const CHANGE_LABELS = { create: "Création", update: "Modification", same: "Inchangée" } as const;

export default function ImportPlan() {
  const result = useActionData<typeof action>();
  const lineErrors = (result as LineErrors | undefined)?.errors ?? [];
  const [form, fields] = useActionForm(importPageSchema, { actionData: result, intent: "preview" });
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
      {result && !result.ok ? (
        <div role="alert" className="fr-alert fr-alert--error fr-alert--sm mb-6">
          <p className="mb-0 font-bold">{result.message}</p>
          <LineErrorList errors={lineErrors} />
        </div>
      ) : null}
      {result?.ok && !result.preview ? <Notice ok message={result.message} /> : null}
      {result?.ok && result.preview && result.csv ? (
        <section aria-labelledby="apercu">
          <h2 id="apercu">Aperçu</h2>
          <TableRegion label="Aperçu de l'import">
            <table className="mb-4">
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
          </TableRegion>
          <ApplyImportForm csv={result.csv} />
        </section>
      ) : null}
      <h2>Fichier</h2>
      <Form method="post" encType="multipart/form-data" className="card" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="preview" />
        <CsvFileField field={fields.fichier} />
        <button type="submit" className="fr-btn">
          Voir l'aperçu
        </button>
      </Form>
    </div>
  );
}
