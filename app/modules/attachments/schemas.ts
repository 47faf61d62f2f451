import { z } from "zod";
import { MAX_ATTACHMENTS, MAX_FILE_BYTES } from "./labels";

/** Most rectangles one covering may carry (a whole grid of cells, merged by rows, stays well under it). */
const MAX_COVERS = 200;
const EDGE = 1e-6;
const fraction = (name: string) =>
  z
    .number({ error: `${name} : un nombre entre 0 et 1 (fraction de l'image).` })
    .min(0, { error: `${name} : un nombre entre 0 et 1 (fraction de l'image).` })
    .max(1, { error: `${name} : un nombre entre 0 et 1 (fraction de l'image).` });

/** A rectangle to cover, in fractions 0–1 of the image's width and height; it must lie inside the image. */
export const coverAreaSchema = z
  .strictObject({
    x: fraction("x"),
    y: fraction("y"),
    width: fraction("width").refine((v) => v > 0, { error: "width : la zone doit avoir une largeur." }),
    height: fraction("height").refine((v) => v > 0, { error: "height : la zone doit avoir une hauteur." }),
  })
  .refine((a) => a.x + a.width <= 1 + EDGE, { error: "La zone dépasse le bord droit de l'image (x + width > 1).", path: ["width"] })
  .refine((a) => a.y + a.height <= 1 + EDGE, { error: "La zone dépasse le bord bas de l'image (y + height > 1).", path: ["height"] });

const coversField = z
  .array(coverAreaSchema, { error: "covers : une liste de zones {x, y, width, height}." })
  .min(1, { error: "Indiquez au moins une zone à masquer." })
  .max(MAX_COVERS, { error: `${MAX_COVERS} zones au plus à la fois.` });

/**
 * `PATCH /api/v1/attachments/:id`: the team's approval (`approved: true`), and/or areas to cover by hand (`covers`,
 * the team on any file, the author on their own until it is approved); covers are applied before the approval.
 */
export const attachmentPatchSchema = z
  .strictObject({
    approved: z.literal(true, { error: "Seule la validation (approved: true) est possible." }).optional(),
    covers: coversField.optional(),
  })
  .refine((v) => v.approved || v.covers, { error: "Envoyez approved: true, ou covers: [{x, y, width, height}] (fractions de l'image)." });


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


/**
 * Files the filing form's « Vérifier les doublons » already received and holds (field `held`, tokens), so a browser
 * without JavaScript need not pick them again; `files` are the newly picked ones.
 */
export const heldUploadsField = z.preprocess(
  (value) => (value === undefined || value === null || value === "" ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.string({ error: "Fichier inconnu : choisissez-le à nouveau." }).regex(/^\d+-[0-9a-f]{32}$/, { error: "Fichier inconnu : choisissez-le à nouveau." }))
    .max(MAX_ATTACHMENTS, { error: `${MAX_ATTACHMENTS} fichiers au plus.` }),
);

/** The API's multipart bodies that carry files besides their fields (a comment, a ticket reply): `files`, up to 5. */
export const apiFilesSchema = z.object({ files: attachmentFilesField });
