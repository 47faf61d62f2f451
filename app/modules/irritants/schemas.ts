import { z } from "zod";
import { IRRITANT_STATUSES } from "./statuses";

export const fileIrritantSchema = z.object({
  title: z
    .string({ error: "Donnez un titre à votre signalement." })
    .trim()
    .min(5, "Le titre doit contenir au moins 5 caractères.")
    .max(160, "Le titre ne doit pas dépasser 160 caractères."),
  body: z
    .string({ error: "Décrivez le problème rencontré." })
    .trim()
    .min(10, "Décrivez le problème en quelques mots (10 caractères au moins).")
    .max(5000, "La description ne doit pas dépasser 5 000 caractères."),
  themes: z
    .array(z.string().max(60), { error: "Choisissez au moins un thème." })
    .min(1, "Choisissez au moins un thème.")
    .max(5, "Choisissez au plus 5 thèmes."),
});
export type FileIrritantInput = z.infer<typeof fileIrritantSchema>;

export const irritantStatusSchema = z.enum(IRRITANT_STATUSES, { error: "Ce statut n'existe pas." });

export const changeStatusSchema = z.object({
  irritantId: z.coerce.number({ error: "Signalement inconnu." }).int().positive("Signalement inconnu."),
  status: irritantStatusSchema,
});

export const irritantPatchSchema = z
  .object({
    status: irritantStatusSchema.optional(),
    published: z.boolean({ error: "published doit valoir true ou false." }).optional(),
  })
  .strict();
