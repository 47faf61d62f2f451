import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CsvImportPage } from "~/components/import";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { counted } from "~/lib/text/plural";
import { readCsvUpload } from "~/lib/uploads.server";
import { backlogImportPageSchema } from "~/modules/irritants";
import { applyBacklogImport, BACKLOG_COLUMNS, previewBacklogImport } from "~/modules/irritants/index.server";

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
  return (
    <CsvImportPage
      back={{ to: "/equipe/signalements", label: "Tri des signalements" }}
      title="Importer des signalements existants"
      intro={
        <>
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
        </>
      }
      schema={backlogImportPageSchema}
      result={result}
      preview={result?.ok && result.preview ? { rows: result.preview, withMessage: true, tableClassName: "table mb-4", ...BACKLOG_PREVIEW } : null}
    />
  );
}

type BacklogPreviewRow = ReturnType<typeof previewBacklogImport>[number];

const BACKLOG_PREVIEW = {
  caption: "Les signalements que l'import va créer, ligne par ligne, textes masqués",
  columns: [
    {
      header: "Signalement",
      cell: (p: BacklogPreviewRow) => (
        <>
          <strong>{p.title}</strong>
          <br />
          <span className="whitespace-pre-line text-sm">{p.body}</span>
        </>
      ),
    },
    { header: "Thèmes", cell: (p: BacklogPreviewRow) => p.themes.join(", ") },
    { header: "Logiciel", cell: (p: BacklogPreviewRow) => p.product ?? "—" },
    { header: "Date", cell: (p: BacklogPreviewRow) => p.date ?? "aujourd'hui" },
    { header: "Masquage", cell: (p: BacklogPreviewRow) => p.masked ?? "Rien à masquer" },
  ],
};
