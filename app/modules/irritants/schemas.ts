import { z } from "zod";
import { tokenize } from "~/lib/text/text";
import { fixAnswerSchema } from "~/modules/tickets";
import { PROFESSION_VALUES } from "~/modules/accounts";
import { csvFileField } from "~/lib/upload-fields";
import { PATIENT_SUBJECT_KEYS } from "#db/vocabularies/irritants";
import { COLLECTION_CHANNELS } from "./origins";
import { CONSULTATION_STEPS, FREQUENCIES, IRRITANT_STATUSES, SEVERITIES } from "./statuses";

/** Form values arrive as strings; empty ones mean "not given". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalId = (message: string) => z.preprocess(blankToUndefined, z.coerce.number({ error: message }).int(message).positive(message).optional());
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

const TITLE_MAX = 160;
const BODY_MAX = 5000;

const themeList = z.preprocess(
  (v) => (typeof v === "string" ? (v === "" ? [] : [v]) : v),
  z.array(z.string({ error: "Thème invalide." }).max(60, "Thème invalide."), { error: "Les thèmes doivent être une liste." }).max(5, "Choisissez au plus 5 thèmes."),
);

const fileIrritantSchema = z.object({
  title: z
    .string({ error: "Donnez un titre à votre signalement." })
    .trim()
    .min(5, "Le titre doit contenir au moins 5 caractères.")
    .max(TITLE_MAX, `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`),
  body: z
    .string({ error: "Décrivez le problème rencontré." })
    .trim()
    .min(10, "Décrivez le problème en quelques mots (10 caractères au moins).")
    .max(BODY_MAX, `La description ne doit pas dépasser ${BODY_MAX} caractères.`),
  // Optional: when none are given, the suggested themes are assigned…
  themes: themeList.optional(),
  // …unless the form showed suggestions ticked: then `themes` is exactly what the person kept (none included).
  themesShown: themeList.optional(),
  // A patient's subject (Mon espace santé, a national service): it gives the themes when none are ticked.
  subject: z.preprocess(blankToUndefined, z.enum(PATIENT_SUBJECT_KEYS, { error: "Choisissez le service concerné dans la liste." }).optional()),
  productId: optionalId("Choisissez un logiciel dans la liste."),
  productVersion: z.preprocess(blankToUndefined, z.string().trim().max(40, "La version ne doit pas dépasser 40 caractères.").optional()),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: "Choisissez une gravité dans la liste." }).optional()),
  frequency: z.preprocess(blankToUndefined, z.enum(FREQUENCIES, { error: "Choisissez une fréquence dans la liste." }).optional()),
  timeLostMinutes: z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: "Indiquez un nombre de minutes." })
      .int("Indiquez un nombre entier de minutes.")
      .min(0, "Le temps perdu ne peut pas être négatif.")
      .max(480, "Indiquez au plus 480 minutes (une journée).")
      .optional(),
  ),
  patientSafety: checkbox.optional(),
  consultationStep: z.preprocess(blankToUndefined, z.enum(CONSULTATION_STEPS, { error: "Choisissez une étape dans la liste." }).optional()),
});
export type FileIrritantInput = z.infer<typeof fileIrritantSchema>;

/**
 * Who the team collected a report from (issue 20): the address of their account when they have one (they become its
 * author, are told, and find it in « Mes signalements »), otherwise their name, kept for the team only. One of the two
 * is required; the command checks it, so that page and API answer alike.
 */
const behalfFields = {
  behalfEmail: z.preprocess(
    blankToUndefined,
    z.string().trim().max(254, "L'adresse e-mail est trop longue.").pipe(z.email("Cette adresse e-mail n'est pas valide.")).optional(),
  ),
  behalfName: z.preprocess(blankToUndefined, z.string().trim().min(2, "Indiquez le nom du professionnel (2 caractères au moins).").max(120, "Le nom ne doit pas dépasser 120 caractères.").optional()),
  behalfProfession: z.preprocess(blankToUndefined, z.enum(PROFESSION_VALUES, { error: "Choisissez une profession dans la liste." }).optional()),
  collectedVia: z.enum(COLLECTION_CHANNELS, { error: "Indiquez comment le signalement a été recueilli : visite, appel ou autre échange." }),
};
const onBehalfSchema = z.object(behalfFields);
export type OnBehalfInput = z.infer<typeof onBehalfSchema>;

/** POST /api/v1/irritants: a report, and for the team the person it was collected from (`onBehalf`). */
export const apiFileIrritantSchema = fileIrritantSchema.extend({ onBehalf: onBehalfSchema.optional() });

/** A vendor's report about another vendor's product (its own page: the software is required there). */
export const vendorFilingPageSchema = z.discriminatedUnion("intent", [fileIrritantSchema.extend({ intent: z.literal("file") })]);

/** The team's « Recueillir un signalement » page: the report and who it was collected from. */
export const onBehalfPageSchema = z.discriminatedUnion("intent", [fileIrritantSchema.extend({ ...behalfFields, intent: z.literal("file") })]);

/** The backlog import: a preview of the file, then the import of the previewed text (all or nothing). */
export const backlogImportPageSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("preview"), fichier: csvFileField }), z.object({ intent: z.literal("apply") })]);

const irritantStatusSchema = z.enum(IRRITANT_STATUSES, { error: "Ce statut n'existe pas." });

export const irritantFiltersSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "La recherche ne doit pas dépasser 200 caractères.").optional()),
  theme: z.preprocess(blankToUndefined, z.string().max(60).optional()),
  status: z.preprocess(blankToUndefined, irritantStatusSchema.optional()),
  productId: optionalId("Logiciel invalide."),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES, { error: "Gravité invalide." }).optional()),
  subject: z.preprocess(blankToUndefined, z.enum(PATIENT_SUBJECT_KEYS, { error: "Service invalide." }).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(["recent", "supports"], { error: "Tri invalide." }).optional()),
  cursor: z.preprocess(blankToUndefined, z.string().max(40, "Curseur invalide.").optional()),
});
export type IrritantFilters = z.infer<typeof irritantFiltersSchema>;

const mergeTarget = z.coerce.number({ error: "Indiquez le numéro du signalement cible." }).int("Numéro invalide.").positive("Numéro invalide.");
const confirmedThemes = z.array(z.string().max(60), { error: "Les thèmes doivent être une liste." }).min(1, "Gardez au moins un thème.").max(5, "Au plus 5 thèmes.");
const hidingReason = z.string().trim().min(3, "Indiquez la raison du masquage.").max(300, "Raison trop longue.");

export const irritantPatchSchema = z
  .object({
    status: irritantStatusSchema.optional(),
    themes: confirmedThemes.optional(),
    published: z.boolean({ error: "published doit valoir true ou false." }).optional(),
    mergeInto: mergeTarget.optional(),
    // "Publier quand même": publish although the texts still hold long digit sequences (answered 409 otherwise).
    confirmDigits: z.boolean({ error: "confirmDigits doit valoir true ou false." }).optional(),
    hidden: z
      .union([z.literal(false), z.object({ reason: hidingReason })], {
        error: "hidden vaut false ou {reason}.",
      })
      .optional(),
  })
  .strict();
export type IrritantPatch = z.infer<typeof irritantPatchSchema>;

/** "Publier quand même": the team confirmed the long digit sequences left in the texts. */
const digitsConfirmed = z.preprocess((v) => v === "1", z.boolean());
const productChoice = z.coerce.number({ error: "Choisissez un logiciel." }).int().positive("Choisissez un logiciel.");

/** The team's page of one irritant: each form sends one intent, each becomes one patch (or opens a ticket). */
export const triagePageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("themes"), themes: z.preprocess((v) => (v === undefined ? [] : typeof v === "string" ? [v] : v), confirmedThemes) }),
  z.object({ intent: z.literal("status"), status: irritantStatusSchema }),
  z.object({ intent: z.literal("publish"), confirm: digitsConfirmed }),
  z.object({ intent: z.literal("unpublish") }),
  z.object({ intent: z.literal("hide"), reason: z.preprocess((v) => v ?? "", hidingReason) }),
  z.object({ intent: z.literal("unhide") }),
  z.object({ intent: z.literal("merge"), mergeInto: mergeTarget }),
  z.object({ intent: z.literal("open-ticket"), productId: productChoice }),
]);

const BULK_CHANGES = ["triaged", "in_progress", "wont_fix", "publish", "unpublish"] as const;

/** The triage queue's bulk form: one change on the selected irritants. */
export const bulkTriageSchema = z.object({
  ids: z.preprocess(
    (v) => (typeof v === "string" ? [v] : v),
    z.array(z.coerce.number().int().positive(), { error: "Sélectionnez au moins un signalement." }).min(1, "Sélectionnez au moins un signalement.").max(200, "Au plus 200 signalements à la fois."),
  ),
  bulk: z.enum(BULK_CHANGES, { error: "Choisissez une action." }),
  confirm: digitsConfirmed,
});

/** A comment (the irritant page's form and `POST /api/v1/irritants/:id/comments`). */
export const commentSchema = z.object({
  body: z
    .string({ error: "Écrivez votre commentaire." })
    .trim()
    .min(2, "Écrivez votre commentaire.")
    .max(2000, "Le commentaire ne doit pas dépasser 2 000 caractères."),
});

/** An irritant's public page: support it, answer "is it fixed?", follow or unfollow it, comment on it. */
export const irritantPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("support") }),
  fixAnswerSchema.extend({ intent: z.literal("fix-answer") }),
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
  commentSchema.extend({ intent: z.literal("comment") }),
  z.object({ intent: z.literal("withdraw-support") }),
]);

const draftText = {
  title: z.preprocess((v) => v ?? "", z.string().trim().max(TITLE_MAX, `Le titre ne doit pas dépasser ${TITLE_MAX} caractères.`)),
  body: z.preprocess((v) => v ?? "", z.string().trim().max(BODY_MAX, `La description ne doit pas dépasser ${BODY_MAX} caractères.`)),
};
const supportedId = z.coerce.number({ error: "Choisissez le signalement à soutenir." }).int("Signalement invalide.").positive("Signalement invalide.");

/**
 * The filing page: "check" shows likely duplicates and ticks the suggested themes before filing; "file" (the default)
 * files; "support" (the "je le soutiens" button of a similar irritant, inside the filing form) supports it and keeps
 * the draft, which "support-comment" adds as a comment on the supported irritant.
 */
export const filingPageSchema = z.discriminatedUnion("intent", [
  fileIrritantSchema.extend({ intent: z.literal("file") }),
  fileIrritantSchema.extend({ intent: z.literal("check") }),
  z.object({ intent: z.literal("support"), supportId: supportedId, ...draftText }),
  commentSchema.extend({ intent: z.literal("support-comment"), irritantId: supportedId }),
]);

const patientSubjectRequired = z.preprocess(
  (v) => (v === "" || v === null ? undefined : v),
  z.enum(PATIENT_SUBJECT_KEYS, { error: "Choisissez le service concerné." }),
);

/** The same page for a patient: the subject (Mon espace santé, a national service) is asked for. */
export const patientFilingPageSchema = z.discriminatedUnion("intent", [
  fileIrritantSchema.extend({ intent: z.literal("file"), subject: patientSubjectRequired }),
  fileIrritantSchema.extend({ intent: z.literal("check") }),
  z.object({ intent: z.literal("support"), supportId: supportedId, ...draftText }),
  commentSchema.extend({ intent: z.literal("support-comment"), irritantId: supportedId }),
]);

export const similarQuerySchema = z.object({
  text: z.string({ error: "Indiquez le texte à comparer." }).trim().min(3, "Indiquez au moins 3 caractères.").max(BODY_MAX + TITLE_MAX, "Texte trop long."),
});

const themeFormSchema = z.object({
  label: z.string({ error: "Indiquez le nom du thème." }).trim().min(2, "Indiquez le nom du thème.").max(80, "Le nom ne doit pas dépasser 80 caractères."),
  keywords: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\n,;]/).map((k) => k.trim()).filter(Boolean) : (v ?? [])),
    z.array(z.string().max(60, "Un mot-clé ne doit pas dépasser 60 caractères.")).max(60, "Au plus 60 mots-clés."),
  ),
});
const newThemeSchema = themeFormSchema.extend({
  slug: z
    .string({ error: "Indiquez un identifiant." })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "L'identifiant ne contient que des minuscules sans accent, des chiffres et des tirets.")
    .max(40, "Identifiant trop long."),
});

/** The team's themes page: each theme's form updates it (it sends no intent), the last one creates a theme. */
export const themesPageSchema = z.discriminatedUnion("intent", [
  themeFormSchema.extend({
    intent: z.literal("update"),
    slug: z.preprocess((v) => v ?? "", z.string()),
    retired: z.preprocess((v) => v === "on", z.boolean()),
  }),
  newThemeSchema.extend({ intent: z.literal("create") }),
]);

/** The API's query names (`product`) over the same filters as the pages. */
export const apiIrritantListQuery = irritantFiltersSchema.omit({ productId: true }).extend({
  product: z.preprocess(blankToUndefined, z.coerce.number({ error: "product doit être un identifiant numérique." }).int().positive().optional()),
});

const MASK_TARGET_MESSAGE = "Choisissez le texte où masquer un passage.";

/** "Masquer un passage": which text (the irritant's title or body, a comment, a ticket message, a workshop card) and the passage. */
export const maskPassageSchema = z.object({
  target: z
    .string({ error: MASK_TARGET_MESSAGE })
    .regex(/^(irritant-title|irritant-body|(comment|message|card)-[1-9]\d{0,14})$/, MASK_TARGET_MESSAGE)
    .transform((value) => {
      const [kind, rest] = value.split("-") as ["irritant" | "comment" | "message" | "card", string];
      return kind === "irritant" ? { kind, field: rest as "title" | "body" } : { kind, id: Number(rest) };
    }),
  passage: z
    .string({ error: "Collez le passage à masquer." })
    .trim()
    .min(3, "Collez le passage à masquer (3 caractères au moins).")
    .max(2000, "Le passage à masquer ne doit pas dépasser 2 000 caractères."),
});

/** The masking page works on one irritant (with its comments and ticket messages) or one workshop's cards. */
const scopeId = z.string().regex(/^[1-9]\d{0,14}$/).transform(Number).optional();
export const maskScopeSchema = z
  .object({ signalement: scopeId, atelier: scopeId })
  .refine((s) => (s.signalement === undefined) !== (s.atelier === undefined), "Choisissez un signalement ou un atelier.");

/**
 * The team's triage queue opens on what is left to triage ("à trier": new irritants); "tous" lists every status. The
 * chosen value is kept as `view` for the filter form. (An absent key skips an optional schema: the default is given by a
 * non-optional one.)
 */
export const triageQueueFiltersSchema = irritantFiltersSchema
  .extend({
    status: z.preprocess((v) => (v === undefined || v === "" ? "new" : v), z.enum([...IRRITANT_STATUSES, "tous"], { error: "Ce statut n'existe pas." })),
  })
  .transform(({ status, ...filters }) => ({ ...filters, view: status, status: status === "tous" ? undefined : status }));

/** « Mes signalements »: `?avant=<id>` continues after the last irritant of the previous page. */
export const filedPageSchema = z.object({
  avant: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Ce lien de page n'est pas valide." }).int("Ce lien de page n'est pas valide.").positive("Ce lien de page n'est pas valide.").optional(),
  ),
});

const TERM_MAX = 60;
const TERMS_MAX = 30;

/**
 * A synonym group's terms, one a line (commas and semicolons also separate): two to thirty, each at most 60
 * characters and holding a word that is not a stop word ("de", "la" alone match nothing).
 */
const synonymTerms = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\n,;]/).map((t) => t.trim().replace(/\s+/g, " ")).filter(Boolean) : v),
  z
    .array(
      z
        .string()
        .max(TERM_MAX, `Un terme ne doit pas dépasser ${TERM_MAX} caractères.`)
        .refine((t) => tokenize(t).length > 0, { error: (issue) => `« ${String(issue.input)} » ne contient aucun mot recherchable.` }),
      { error: "Indiquez les termes du groupe, un par ligne." },
    )
    .min(2, "Un groupe réunit au moins deux termes, un par ligne.")
    .max(TERMS_MAX, `Au plus ${TERMS_MAX} termes par groupe.`),
);
const synonymGroupId = z.coerce.number({ error: "Groupe inconnu." }).int("Groupe inconnu.").positive("Groupe inconnu.");

/** The team's vocabulary page: add a group, edit or delete one, rebuild the index after a change. */
export const vocabularyPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), terms: synonymTerms }),
  z.object({ intent: z.literal("update"), id: synonymGroupId, terms: synonymTerms }),
  z.object({ intent: z.literal("delete"), id: synonymGroupId }),
  z.object({ intent: z.literal("reindex") }),
]);
