import { z } from "zod";
import { csvFileField } from "~/lib/upload-fields";
import { isCalendarDay } from "./as-of";
import { ACTION_STATUSES, LEAD_KINDS, STEP_STATUSES } from "./vocabulary";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
// Checkbox lists: none ticked posts nothing, one ticked posts a string.
const ids = (message: string) =>
  z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(z.coerce.number({ error: message }).int(message).positive(message)).max(20, "Au plus 20 organisations."));
const lines = (v: unknown) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : (v ?? []));

export const planFiltersSchema = z.object({
  theme: z.preprocess(blank, z.string().max(60).optional()),
  lead: z.preprocess(blank, z.enum(LEAD_KINDS, { error: "Pilote invalide." }).optional()),
  status: z.preprocess(blank, z.enum(ACTION_STATUSES, { error: "Statut invalide." }).optional()),
  overdue: z.preprocess((v) => v === "1" || v === "true" || v === "on", z.boolean()).optional(),
  wave: z.preprocess(blank, z.coerce.number({ error: "Vague invalide." }).int().min(1, "Vague 1 ou 2.").max(2, "Vague 1 ou 2.").optional()),
  vue: z.preprocess(blank, z.enum(["tableau", "calendrier"], { error: "Vue invalide." }).optional()),
  // "Situation au": the day whose statuses and lateness are shown (today when absent).
  au: z.preprocess(
    blank,
    z
      .string({ error: "Date invalide." })
      .refine(isCalendarDay, "Indiquez une date valide (jour, mois, année).")
      .refine((d) => d >= "2000-01-01" && d <= "2099-12-31", "Indiquez une date entre 2000 et 2099.")
      .optional(),
  ),
});

const title = (what: string) =>
  z.string({ error: `Indiquez le titre ${what}.` }).trim().min(3, `Indiquez le titre ${what} (3 caractères au moins).`).max(500, "Le titre ne doit pas dépasser 500 caractères.");

const actionFormSchema = z
  .object({
    challengeId: z.coerce.number({ error: "Choisissez un défi." }).int().positive("Choisissez un défi."),
    title: title("de l'action"),
    description: z.preprocess((v) => v ?? "", z.string().trim().max(5000, "La description ne doit pas dépasser 5 000 caractères.")),
    leadKind: z.enum(LEAD_KINDS, { error: "Choisissez le pilote." }),
    leadOrganisationIds: ids("Organisations pilotes invalides."),
    coLeadOrganisationIds: ids("Organisations copilotes invalides."),
    responsibleId: z.preprocess(blank, z.coerce.number({ error: "Choisissez un membre de l'équipe." }).int().positive("Choisissez un membre de l'équipe.").nullable().default(null)),
    deadlineLabel: z.preprocess((v) => v ?? "", z.string().trim().max(80, "L'échéance ne doit pas dépasser 80 caractères.")),
    // Required by the module whenever the deadline changes (the form cannot know it).
    deadlineReason: z.preprocess(blank, z.string().trim().max(500, "La raison ne doit pas dépasser 500 caractères.").optional()),
    status: z.enum(ACTION_STATUSES, { error: "Choisissez un statut." }),
    segurWave: z.preprocess(blank, z.coerce.number().int().min(1, "Vague 1 ou 2.").max(2, "Vague 1 ou 2.").optional()),
    steps: z.preprocess(lines, z.array(z.string().max(500, "Une étape ne doit pas dépasser 500 caractères.")).max(30, "Au plus 30 étapes.")),
    themes: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(z.string().max(60)).max(10, "Au plus 10 thèmes.")),
    irritantIds: z.preprocess(
      (v) => (typeof v === "string" ? v.split(/[\s,;]+/).filter(Boolean).map((s) => s.replace(/^n°/i, "")) : v),
      z.array(z.coerce.number({ error: "Numéros de signalements invalides." }).int("Numéros de signalements invalides.").positive("Numéros de signalements invalides.")).max(200),
    ),
    note: z.preprocess(blank, z.string().trim().max(2000, "La note ne doit pas dépasser 2 000 caractères.").optional()),
  })
  .superRefine((v, ctx) => {
    if (v.leadOrganisationIds.some((id) => v.coLeadOrganisationIds.includes(id)))
      ctx.addIssue({ code: "custom", path: ["coLeadOrganisationIds"], message: "Une organisation est pilote ou copilote, pas les deux." });
  });

const noteSchema = z.object({
  body: z.string({ error: "Écrivez la note." }).trim().min(3, "Écrivez la note.").max(2000, "La note ne doit pas dépasser 2 000 caractères."),
});

const stepsSchema = z.object({
  steps: z
    .array(z.object({ id: z.coerce.number({ error: "Étape invalide." }).int().positive("Étape invalide."), status: z.enum(STEP_STATUSES, { error: "Choisissez le statut de l'étape." }) }), { error: "Aucune étape à mettre à jour." })
    .min(1, "Aucune étape à mettre à jour.")
    .max(30, "Au plus 30 étapes."),
});

/** The team's page of one action: save the action, add a dated note, or set its steps' statuses. */
export const actionPageSchema = z.discriminatedUnion("intent", [
  actionFormSchema.extend({ intent: z.literal("save") }),
  noteSchema.extend({ intent: z.literal("note") }),
  stepsSchema.extend({ intent: z.literal("steps") }),
]);

const workstreamSchema = z.object({ title: title("du chantier") });
const challengeSchema = z.object({
  workstreamId: z.coerce.number({ error: "Choisissez un chantier." }).int().positive("Choisissez un chantier."),
  title: title("du défi"),
  description: z.preprocess((v) => v ?? "", z.string().trim().max(5000, "Description trop longue.")),
});

// The action's id stays a string here: the command resolves it as a path id (not found, not invalid).
const moveSchema = z.object({ actionId: z.string(), direction: z.enum(["up", "down"], { error: "Sens inconnu." }) });

/** The team's plan page: create a workstream or a challenge, move an action up or down. */
export const planPageSchema = z.discriminatedUnion("intent", [
  workstreamSchema.extend({ intent: z.literal("workstream") }),
  challengeSchema.extend({ intent: z.literal("challenge") }),
  moveSchema.extend({ intent: z.literal("move") }),
]);

/** The plan's CSV import: the upload previews (a form without intent previews too), "apply" imports the previewed text. */
export const importPageSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("preview"), fichier: csvFileField }), z.object({ intent: z.literal("apply") })]);
