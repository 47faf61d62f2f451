import { z } from "zod";

/**
 * The file input of a CSV import's first step, in the module's form schema: the browser checks it before sending,
 * the server again (an empty file input still posts an empty file). Reading and decoding stay in `readCsvUpload`.
 */
export const csvFileField = z.custom<File>((value) => typeof File !== "undefined" && value instanceof File && value.size > 0, {
  error: "Choisissez un fichier CSV.",
});
