import { z } from "zod";
import { PROFESSION_VALUES } from "~/modules/accounts";
import { editorOperationSchema } from "./editor";

/** A campaign's team page: buttons only, each posts its intent. */
export const campaignPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open") }),
  z.object({ intent: z.literal("close") }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("invite-audience") }),
  z.object({ intent: z.literal("remind") }),
]);

const slug = z.string({ error: "Indiquez un identifiant." }).trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Identifiant : minuscules sans accent, chiffres et tirets.").max(60);
const title = z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200);
const versionSchema = z.object({
  slug,
  title,
  definition: z.string({ error: "Collez la définition JSON." }).min(2, "Collez la définition JSON.").max(200_000, "Définition trop longue."),
});
const date = z.string({ error: "Date au format AAAA-MM-JJ." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Date au format AAAA-MM-JJ.");
const campaignSchema = z.object({
  slug,
  title,
  wave: z.string({ error: "Indiquez la vague." }).trim().min(2, "Indiquez la vague (par exemple « janvier–février 2026 »).").max(80),
  versionId: z.coerce.number({ error: "Choisissez une version." }).int().positive("Choisissez une version."),
  previousCampaignId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
  opensOn: date,
  closesOn: date,
  allowSignedIn: z.preprocess((v) => v === "on", z.boolean()),
  // One value per ticked box (a lone one is a string), or none at all: every profession.
  audienceProfessions: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(z.enum(PROFESSION_VALUES, { error: "Profession inconnue." })).max(20)),
  subjectKind: z.enum(["software", "service"], { error: "Choisissez ce qui est évalué." }),
  subjectServices: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : (v ?? [])),
    z.array(z.string().max(120, "Nom de service trop long.")).max(30, "Au plus 30 services."),
  ),
});

/** The surveys page: import a questionnaire version (JSON), or create a campaign. */
export const surveysPageSchema = z.discriminatedUnion("intent", [versionSchema.extend({ intent: z.literal("version") }), campaignSchema.extend({ intent: z.literal("campaign") })]);

const saveDraftSchema = z.object({
  intent: z.literal("save"),
  slug: z.string({ error: "Indiquez l'identifiant." }).trim().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Identifiant : minuscules sans accent, chiffres et tirets."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre."),
});

/** The questionnaire editor: each button (its intent) applies one operation to the draft, or saves it as a new version. */
export const questionnaireEditorSchema = z.discriminatedUnion("intent", [...editorOperationSchema.options, saveDraftSchema]);

const answerStep = {
  section: z.preprocess((v) => Number(v) || 0, z.number().int().min(0)),
  subject: z.string().optional(),
};

/**
 * A questionnaire's step: go back, go on, or send. The answers themselves follow the campaign's definition and are
 * read from the form by `parseAnswersFromForm`; this schema carries what every step posts.
 */
export const answerStepSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("previous"), ...answerStep }),
  z.object({ intent: z.literal("next"), ...answerStep }),
  z.object({ intent: z.literal("submit"), ...answerStep }),
]);

/** A personal invitation link's token, read from its address once (then kept in a cookie, see invitation-cookie.server.ts). */
export const invitationLinkSchema = z.object({ jeton: z.string().trim().min(1).max(200) });

/** The free-text answers page: set the themes of one shown answer (known by its hash, never by its response). */
export const freeTextPageSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("tag"),
    item: z.string({ error: "Question inconnue : rechargez la page." }).trim().min(1, "Question inconnue : rechargez la page.").max(64, "Question inconnue : rechargez la page."),
    answer: z.string({ error: "Réponse inconnue : rechargez la page." }).regex(/^[0-9a-f]{24}$/, "Réponse inconnue : rechargez la page."),
    // One value per ticked box (a lone one is a string), or none: the answer's themes are cleared.
    themes: z.preprocess((v) => (typeof v === "string" ? [v] : (v ?? [])), z.array(z.string().max(60, "Thème inconnu.")).max(10, "Au plus 10 thèmes.")),
  }),
]);

/** The free-text answers page's address: one question's list can start after a given answer (the next page). */
/** The team's results page: the question whose per-software breakdown is shown (`?logiciels=<question key>`). */
export const campaignResultsQuerySchema = z.object({
  logiciels: z.string().trim().min(1, "Question inconnue.").max(64, "Question inconnue.").optional(),
});

export const freeTextQuerySchema = z.object({
  question: z.string().trim().min(1, "Question inconnue.").max(64, "Question inconnue.").optional(),
  // A sealed cursor (free-text.server.ts): base64url, about 150 characters.
  apres: z.string().regex(/^[A-Za-z0-9_-]{40,400}$/, "Réponse inconnue.").optional(),
});
