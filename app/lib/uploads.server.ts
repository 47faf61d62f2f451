import { decodeCsv } from "./csv";
import { HttpError } from "./errors";

/**
 * The CSV text of an import form: the uploaded file (`fichier`, UTF-8 or Windows-1252) on the preview step,
 * or the text the preview sent back (`csv`) on the apply step.
 */
export async function readCsvUpload(form: FormData, maxChars: number): Promise<string> {
  const file = form.get("fichier");
  const text = file instanceof File && file.size > 0 ? decodeCsv(new Uint8Array(await file.arrayBuffer())) : String(form.get("csv") ?? "");
  if (!text.trim()) throw new HttpError(422, "Choisissez un fichier CSV.");
  if (text.length > maxChars) throw new HttpError(413, `Le fichier est trop volumineux (${maxChars.toLocaleString("fr-FR")} caractères au plus).`);
  return text;
}
