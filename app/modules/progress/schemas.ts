import { z } from "zod";
import { headlinesFormSchema } from "~/modules/settings";
import { RESOURCE_DATE_KINDS, RESOURCE_KINDS } from "./vocabulary";

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
});

/** The team's updates page: create a draft (the form sends no intent), or choose the public page's headline blocks. */
export const updatesPageSchema = z.discriminatedUnion("intent", [updateSchema.extend({ intent: z.literal("create") }), headlinesFormSchema.extend({ intent: z.literal("headlines") })]);

/** A team member's edit page of one update: save it (the form sends no intent), publish it or take it back. */
export const updatePageSchema = z.discriminatedUnion("intent", [
  updateSchema.extend({ intent: z.literal("save") }),
  z.object({ intent: z.literal("publish") }),
  z.object({ intent: z.literal("unpublish") }),
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
