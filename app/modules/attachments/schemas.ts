import { z } from "zod";
import { MAX_ATTACHMENTS, MAX_FILE_BYTES } from "./labels";

/** `PATCH /api/v1/attachments/:id`: the team's approval. */
export const attachmentPatchSchema = z.strictObject({
  approved: z.literal(true, { error: "Seule la validation (approved: true) est possible." }),
});


const isFile = (value: unknown): value is File => typeof File !== "undefined" && value instanceof File;
const fileName = (value: unknown) => {
  const name = isFile(value) ? value.name.trim() : "";
  return name ? `« ${name.length > 60 ? `${name.slice(0, 57)}…` : name} »` : "Un fichier";
};

/**
 * The files picked in a page's form (field `files`, `multiple`): none, or up to 5 of 10 MB each. A file input left
 * empty sends one nameless empty file, which counts as none. Their type is decided later, from their bytes.
 */
export const attachmentFilesField = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]).filter((v) => !(isFile(v) && v.size === 0 && v.name === "")),
  z
    .array(
      z
        .custom<File>(isFile, { error: "Joignez des fichiers : PNG, JPEG, WebP ou PDF." })
        .refine((file) => file.size > 0, { error: (issue) => `${fileName(issue.input)} est vide : choisissez un autre fichier.` })
        .refine((file) => file.size <= MAX_FILE_BYTES, { error: (issue) => `${fileName(issue.input)} dépasse 10 Mo : réduisez-le ou faites une capture de la partie utile.` }),
    )
    .max(MAX_ATTACHMENTS, { error: `${MAX_ATTACHMENTS} fichiers au plus.` }),
);

/** The multipart field `file` (API and pages): a non-empty file; its type is decided later, from its bytes. */
export const attachmentUploadSchema = z.object({
  file: z.custom<File>((value) => typeof File !== "undefined" && value instanceof File && value.size > 0, { error: "Choisissez un fichier (PNG, JPEG, WebP ou PDF, 10 Mo au plus)." }),
});

export const attachmentQuerySchema = z.object({
  taille: z.enum(["vignette", "complete"], { error: "Taille inconnue : vignette ou complete." }).default("complete"),
});

