import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { CsvImportPage } from "~/components/import";
import { HttpError } from "~/lib/errors";
import { formAction } from "~/lib/forms.server";
import { requirePermission } from "~/lib/permissions.server";
import { CSV_COLUMNS, importPageSchema, parseActionPlanCsv } from "~/modules/action-plan";
import { readCsvUpload } from "~/lib/uploads.server";
import { applyImport, previewImport } from "~/modules/action-plan/index.server";
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

const CHANGE_LABELS = { create: "Création", update: "Modification", same: "Inchangée" } as const;

export default function ImportPlan() {
  const result = useActionData<typeof action>();
  return (
    <CsvImportPage
      back={{ to: "/equipe/plan-action", label: "Plan d'action" }}
      title="Importer le plan d'action"
      intro={
        <p>
          Le fichier reprend les colonnes de l'export, dans cet ordre : {CSV_COLUMNS.join(", ")}. Séparateur point-virgule ou virgule ;
          encodage UTF-8 ou Windows (export de tableur). Les listes (thèmes, signalements, étapes) sont séparées par « | ». Une action
          est reconnue par son chantier, son défi et son titre : elle est mise à jour, sinon créée.
        </p>
      }
      schema={importPageSchema}
      result={result}
      preview={result?.ok && result.preview ? { rows: result.preview, ...PLAN_PREVIEW } : null}
    />
  );
}

type PlanPreviewRow = ReturnType<typeof previewImport>[number];

const PLAN_PREVIEW = {
  caption: "Ce que l'import va faire, ligne par ligne",
  columns: [
    { header: "Action", cell: (p: PlanPreviewRow) => p.title },
    {
      header: "Effet",
      cell: (p: PlanPreviewRow) => (
        <>
          {CHANGE_LABELS[p.change]}
          {p.details.length ? ` : ${p.details.join(", ")}` : ""}
        </>
      ),
    },
  ],
};
