import { z } from "zod";

/** `PATCH /api/v1/attachments/:id`: the team's approval. */
export const attachmentPatchSchema = z.strictObject({
  approved: z.literal(true, { error: "Seule la validation (approved: true) est possible." }),
});

/** The multipart field `file` (API and pages): a non-empty file; its type is decided later, from its bytes. */
export const attachmentUploadSchema = z.object({
  file: z.custom<File>((value) => typeof File !== "undefined" && value instanceof File && value.size > 0, { error: "Choisissez un fichier (PNG, JPEG, WebP ou PDF, 10 Mo au plus)." }),
});

export const attachmentQuerySchema = z.object({
  taille: z.enum(["vignette", "complete"], { error: "Taille inconnue : vignette ou complete." }).default("complete"),
});

