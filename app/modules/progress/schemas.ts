import { z } from "zod";

export const updateSchema = z.object({
  slug: z
    .string({ error: "Indiquez l'adresse." })
    .trim()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Adresse : minuscules sans accent, chiffres et tirets (par exemple « point-etape-2024-01 »).")
    .max(80, "Adresse trop longue."),
  title: z.string({ error: "Indiquez le titre." }).trim().min(3, "Indiquez le titre.").max(200, "Titre trop long."),
  summary: z.string({ error: "Écrivez un résumé." }).trim().min(3, "Écrivez un résumé d'une ou deux phrases.").max(500, "Résumé trop long (500 caractères au plus)."),
  body: z.string({ error: "Écrivez le contenu." }).trim().min(10, "Écrivez le contenu.").max(50_000, "Contenu trop long."),
  // The themes it is about: their followers are told when it is published.
  themes: z.array(z.string().trim().max(80)).max(30, "Trop de thèmes.").default([]),
});
