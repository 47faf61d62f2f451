import { z } from "zod";
import { PRODUCT_CATEGORIES } from "./catalogue";

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
