import { z } from "zod";
import { csvFileField } from "~/lib/upload-fields";

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");

const indicatorSchema = z.object({
  slug: z.string({ error: "Indiquez l'identifiant." }).trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Identifiant : minuscules sans accent, chiffres et tirets."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200),
  unit: z.string({ error: "Indiquez l'unité." }).trim().min(1, "Indiquez l'unité.").max(60),
  source: z.string({ error: "Indiquez la source." }).trim().min(2, "Indiquez la source.").max(300),
  sourceDate: z.preprocess(
    (v) => (v === "" || v === undefined ? undefined : v),
    z.iso.date({ error: "Date de la source : format AAAA-MM-JJ." }).optional(),
  ),
  method: z.preprocess((v) => v ?? "", z.string().trim().max(1000)),
  notes: z.preprocess((v) => v ?? "", z.string().trim().max(2000, "Notes : 2000 caractères au plus.")),
  chart: z.enum(["line", "bar", "stacked", "figure"], { error: "Choisissez un type de graphique." }),
  dimensions: z.preprocess((v) => (typeof v === "string" ? v.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean) : []), z.array(z.string().max(80)).max(20)),
  themeSlug: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  demonstration: z.preprocess((v) => v === "on", z.boolean()),
});

// The indicator's slug is resolved by the command (an unknown one is not found, not invalid).
const indicatorChoice = z.preprocess((v) => v ?? "", z.string());

/**
 * The team's indicators page: create an indicator, enter one value (checked by the module, period by period), or
 * import values from a CSV file: the upload previews (a form without intent previews too), "apply" imports the text.
 */
export const indicatorsPageSchema = z.discriminatedUnion("intent", [
  indicatorSchema.extend({ intent: z.literal("create") }),
  z.object({
    intent: z.literal("value"),
    indicator: indicatorChoice,
    period: z.preprocess(text, z.string()),
    dimension: z.preprocess(text, z.string()),
    value: z.preprocess(text, z.string()),
  }),
  z.object({ intent: z.literal("preview"), indicator: indicatorChoice, fichier: csvFileField }),
  z.object({ intent: z.literal("apply"), indicator: indicatorChoice }),
]);
