import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps } from "@conform-to/react";
import { ApplyImportForm, CsvFileField, LineErrorList } from "~/components/import";
import { useActionForm } from "~/components/forms";
import { Notice } from "~/components/notice";
import { TableRegion } from "~/components/table-region";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { counted } from "~/lib/text/plural";
import { readCsvUpload } from "~/lib/uploads.server";
import { backlogImportPageSchema } from "~/modules/irritants";
import { applyBacklogImport, BACKLOG_COLUMNS, previewBacklogImport, type BacklogError } from "~/modules/irritants/index.server";

export const meta: MetaFunction = () => [{ title: "Importer des signalements existants — Sentinelle" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "irritant:file-on-behalf");
  return { columns: BACKLOG_COLUMNS };
}

const MAX_CSV_CHARS = 2_000_000;

/** The action's intents, zod-free (read by the permission matrix; tests/unit/route-intents.test.ts holds them to ACTION_SCHEMA). */
export const INTENTS = ["preview", "apply"] as const;
export const ACTION_SCHEMA = backlogImportPageSchema;

type ImportOutcome = { message: string; csv?: string; preview?: ReturnType<typeof previewBacklogImport> };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "irritant:file-on-behalf");
  return formAction(
    request,
    backlogImportPageSchema,
    async ({ intent }, form): Promise<ImportOutcome> => {
      const text = await readCsvUpload(form, MAX_CSV_CHARS);
      if (intent === "preview") {
        const preview = previewBacklogImport(user, text);
        return { message: `Aperçu de l'import : ${counted(preview.length, "signalement", "signalements")}.`, csv: text, preview };
      }
      const { created, masked } = applyBacklogImport(user, text);
      return {
        message: `Import terminé : ${counted(created, "signalement recueilli", "signalements recueillis")}${masked ? `, ${counted(masked, "donnée masquée", "données masquées")}` : ""}. Ils attendent le tri comme les autres.`,
      };
    },
    { defaultIntent: "preview" },
  );
}

export default function ImportBacklog() {
  const { columns } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const lineErrors = (result as { errors?: BacklogError[] } | undefined)?.errors ?? [];
  const [form, fields] = useActionForm(backlogImportPageSchema, { actionData: result, intent: "preview" });
  return (
    <div className="prose-page">
      <p className="text-sm">
        <Link to="/equipe/signalements">← Tri des signalements</Link>
      </p>
      <h1>Importer des signalements existants</h1>
      <p>
        Reprenez un suivi tenu ailleurs (tableur, outil de support) : chaque ligne devient un signalement recueilli par l'équipe du programme, à
        trier comme les autres. Le fichier a ces colonnes, dans cet ordre : {columns.join(", ")}. Séparateur point-virgule ou virgule ;
        encodage UTF-8 ou Windows. Thèmes séparés par « | » (vides : thèmes suggérés) ; logiciel tel qu'il figure au catalogue ; date au format
        AAAA-MM-JJ ou JJ/MM/AAAA (vide : aujourd'hui). Le fichier ne nomme personne : les noms des professionnels n'y ont pas de colonne.
      </p>
      <p>
        Les numéros de sécurité sociale, numéros de téléphone et adresses e-mail sont masqués comme dans tout signalement ; l'aperçu montre les
        textes tels qu'ils seront enregistrés. Une seule erreur et rien n'est importé.
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
          <p>{result.message}</p>
          <TableRegion label="Aperçu de l'import">
            <table className="table mb-4">
              <caption className="sr-only">Les signalements que l'import va créer, ligne par ligne, textes masqués</caption>
              <thead>
                <tr>
                  <th scope="col">Ligne</th>
                  <th scope="col">Signalement</th>
                  <th scope="col">Thèmes</th>
                  <th scope="col">Logiciel</th>
                  <th scope="col">Date</th>
                  <th scope="col">Masquage</th>
                </tr>
              </thead>
              <tbody>
                {result.preview.map((p) => (
                  <tr key={p.line}>
                    <td>{p.line}</td>
                    <td>
                      <strong>{p.title}</strong>
                      <br />
                      <span className="whitespace-pre-line text-sm">{p.body}</span>
                    </td>
                    <td>{p.themes.join(", ")}</td>
                    <td>{p.product ?? "—"}</td>
                    <td>{p.date ?? "aujourd'hui"}</td>
                    <td>{p.masked ?? "Rien à masquer"}</td>
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
