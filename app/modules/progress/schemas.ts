import { z } from "zod";
import { headlinesFormSchema } from "~/modules/settings";
import { BLOCK_KINDS } from "#db/vocabularies/progress";
import { isCalendarDay } from "~/lib/dates";
import { RESOURCE_DATE_KINDS, RESOURCE_KINDS } from "./vocabulary";

const blank = (v: unknown) => (typeof v === "string" && !v.trim() ? undefined : v);
const list = (v: unknown) => (typeof v === "string" ? [v] : v);

const updateSchema = z.object({
  // Left blank, the address derives from the title (the module does it); it stays editable.
  slug: z.preprocess(
    (v) => (typeof v === "string" && !v.trim() ? undefined : v),
    z
      .string()
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Adresse : minuscules sans accent, chiffres et tirets (par exemple « point-etape-2024-01 »).")
      .max(80, "Adresse trop longue.")
      .optional(),
  ),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200, "Titre trop long."),
  summary: z.string({ error: "Écrivez un résumé." }).trim().min(3, "Écrivez un résumé d'une ou deux phrases.").max(500, "Résumé trop long (500 caractères au plus)."),
  body: z.string({ error: "Écrivez le contenu." }).trim().min(10, "Écrivez le contenu.").max(50_000, "Contenu trop long."),
  // The themes it is about: their followers are told when it is published.
  // A form posts one value per ticked box (a lone one is a string), or none at all.
  themes: z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(z.string().trim().max(80)).max(30, "Trop de thèmes.").default([])),
  // The day whose data the blocks read; left blank, the day of publication.
  asOf: z.preprocess(
    blank,
    z
      .string()
      .trim()
      .refine(isCalendarDay, "Date du point : une date réelle au format AAAA-MM-JJ (par exemple 2024-01-11).")
      .optional(),
  ),
});

const blockId = z.coerce.number({ error: "Bloc inconnu." }).int("Bloc inconnu.").positive("Bloc inconnu.");
const choice = z.preprocess(blank, z.string().trim().max(120, "Choix inconnu.").optional());

/** A block's heading and what it reads (the fields its kind uses; the module checks them against its kind). */
const blockSchema = z.object({
  intent: z.literal("save-block"),
  blockId,
  title: z.string().trim().max(200, "Titre du bloc trop long.").default(""),
  markdown: z.preprocess(blank, z.string().max(20_000, "Texte trop long (20 000 caractères au plus).").optional()),
  indicators: z.preprocess(list, z.array(z.string().trim().max(120)).max(12, "Douze indicateurs au plus.").default([])),
  indicator: choice,
  seminar: choice,
  campaign: choice,
});

/** The team's updates page: create a draft (the form sends no intent), or choose the public page's headline blocks. */
export const updatesPageSchema = z.discriminatedUnion("intent", [updateSchema.extend({ intent: z.literal("create") }), headlinesFormSchema.extend({ intent: z.literal("headlines") })]);

/** A team member's edit page of one update: save it (the form sends no intent), publish it or take it back. */
export const updatePageSchema = z.discriminatedUnion("intent", [
  updateSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("unpublish") }),
  z.object({ intent: z.literal("add-block"), kind: z.enum(BLOCK_KINDS, { error: "Choisissez un type de bloc." }) }),
  blockSchema,
  z.object({ intent: z.literal("move-block"), blockId, direction: z.enum(["up", "down"], { error: "Sens inconnu." }) }),
  z.object({ intent: z.literal("delete-block"), blockId }),
]);

// Only web links: no javascript: or data: addresses can be published.
const resourceUrl = z.url({ protocol: /^https?$/, error: "Indiquez une adresse web complète (https://…)." }).max(1000);
const resourceDate = z.iso.date({ error: "Indiquez la date au format AAAA-MM-JJ." });
const resourceDateKind = z.enum(Object.keys(RESOURCE_DATE_KINDS) as [keyof typeof RESOURCE_DATE_KINDS], { error: "Dites ce qu'est cette date." });

const resourceSchema = z.object({
  themeSlug: z.string({ error: "Choisissez un thème." }).min(1, "Choisissez un thème."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200, "Titre trop long."),
  url: resourceUrl,
  kind: z.enum(Object.keys(RESOURCE_KINDS) as [keyof typeof RESOURCE_KINDS], { error: "Choisissez un type." }),
  date: resourceDate,
  dateKind: resourceDateKind,
  source: z.preprocess((v) => v ?? "", z.string().trim().max(200, "Source : 200 caractères au plus.")),
});

/** The resources page: add one (the form sends no intent), complete one's address and date, or remove one. */
export const resourcesPageSchema = z.discriminatedUnion("intent", [
  resourceSchema.extend({ intent: z.literal("add") }),
  z.object({
    intent: z.literal("complete"),
    id: z.coerce.number({ error: "Choisissez une ressource." }).int().positive("Choisissez une ressource."),
    url: resourceUrl,
    date: resourceDate,
    dateKind: resourceDateKind,
  }),
  z.object({ intent: z.literal("remove"), id: z.coerce.number({ error: "Ressource inconnue." }).int().positive("Ressource inconnue.") }),
]);

const nextStepId = z.coerce.number({ error: "Étape inconnue." }).int("Étape inconnue.").positive("Étape inconnue.");
const nextStepFields = {
  heading: z.string({ error: "Indiquez la rubrique." }).trim().min(3, "Indiquez la rubrique (3 caractères au moins).").max(200, "La rubrique ne doit pas dépasser 200 caractères."),
  text: z.string({ error: "Décrivez l'étape." }).trim().min(3, "Décrivez l'étape (3 caractères au moins).").max(500, "L'étape ne doit pas dépasser 500 caractères."),
  horizon: z.preprocess((v) => v ?? "", z.string().trim().max(60, "L'échéance ne doit pas dépasser 60 caractères.")),
};
export type NextStepInput = { heading: string; text: string; horizon: string };

/** The team's page of next steps: add one, edit one, move it, mark it done or not, remove it. */
export const nextStepsPageSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("add"), ...nextStepFields }),
  z.object({ intent: z.literal("save"), id: nextStepId, ...nextStepFields }),
  z.object({ intent: z.literal("move"), id: nextStepId, direction: z.enum(["up", "down"], { error: "Sens inconnu." }) }),
  z.object({ intent: z.literal("done"), id: nextStepId }),
  z.object({ intent: z.literal("reopen"), id: nextStepId }),
  z.object({ intent: z.literal("remove"), id: nextStepId }),
]);
