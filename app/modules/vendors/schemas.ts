import { z } from "zod";
import { PRODUCT_CATEGORIES, VENDOR_GROUPS } from "./catalogue";

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

export const apiProductListQuery = z.object({
  vendor: z.preprocess(blank, z.coerce.number({ error: "vendor doit être un identifiant numérique." }).int().positive().optional()),
});

const vendorSchema = z.object({
  name: z.string({ error: "Indiquez le nom de l'éditeur." }).trim().min(2, "Indiquez le nom de l'éditeur.").max(120, "Nom trop long."),
  isSons: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  contactEmail: z.preprocess(blank, z.email("Adresse e-mail invalide.").max(254).optional()),
});

const productSchema = z.object({
  vendorId: z.coerce.number({ error: "Choisissez l'éditeur." }).int().positive("Choisissez l'éditeur."),
  name: z.string({ error: "Indiquez le nom du logiciel." }).trim().min(2, "Indiquez le nom du logiciel.").max(120, "Nom trop long."),
  category: z.enum(PRODUCT_CATEGORIES, { error: "Choisissez une catégorie." }),
  segurWave: z.preprocess(blank, z.coerce.number().int().min(1, "Vague 1 ou 2.").max(2, "Vague 1 ou 2.").optional()),
  versions: z.preprocess(
    (v) => (typeof v === "string" ? v.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.string().max(40, "Version trop longue.")).max(100, "Au plus 100 versions."),
  ),
  installedBase: z.preprocess(blank, z.coerce.number({ error: "Indiquez un nombre." }).int().min(0, "Nombre positif.").max(10_000_000, "Nombre trop grand.").optional()),
});

/** The team's catalogue page: add a vendor, or add or edit a product (with its id). */
export const cataloguePageSchema = z.discriminatedUnion("intent", [
  vendorSchema.extend({ intent: z.literal("vendor") }),
  productSchema.extend({
    intent: z.literal("product"),
    productId: z.preprocess(blank, z.coerce.number({ error: "Logiciel inconnu." }).int().positive("Logiciel inconnu.").optional()),
  }),
]);

const announcementFields = z.object({
  title: z
    .string({ error: "Indiquez le titre de l'annonce." })
    .trim()
    .min(3, "Indiquez le titre de l'annonce (3 caractères au moins).")
    .max(150, "Le titre ne doit pas dépasser 150 caractères."),
  body: z
    .string({ error: "Écrivez le texte de l'annonce." })
    .trim()
    .min(10, "Écrivez le texte de l'annonce (10 caractères au moins).")
    .max(5000, "Le texte ne doit pas dépasser 5 000 caractères."),
  // One value per ticked box (a lone one is a string).
  groups: z.preprocess(
    (v) => (typeof v === "string" ? [v] : (v ?? [])),
    z.array(z.enum(VENDOR_GROUPS, { error: "Groupe d'éditeurs inconnu." })).min(1, "Choisissez au moins un groupe d'éditeurs."),
  ),
});

/** The announcements page: preview an announcement (its e-mail and recipients), then send it. */
export const announcementPageSchema = z.discriminatedUnion("intent", [announcementFields.extend({ intent: z.literal("preview") }), announcementFields.extend({ intent: z.literal("send") })]);
