import { createRequire } from "node:module";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { createWorker, OEM, type Worker } from "tesseract.js";
import { HttpError } from "~/lib/errors";
import { MAX_FILE_BYTES } from "./labels";
import { boxesToCover, type Box, type OcrWord } from "./cover";

const MAX_PDF_PAGES = 5;
const MAX_SIDE = 4000;
const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp", "application/pdf"]);
const REFUSED_TYPE = "Ce fichier n'est ni une image PNG, JPEG ou WebP, ni un PDF : il n'a pas été joint.";

export type Cleaned = { png: Buffer; width: number; height: number; pages: number };

/**
 * The type from the file's bytes (never its name or declared type), then a clean copy: images are decoded and
 * re-encoded as PNG, which keeps no EXIF, GPS, XMP, ICC or comment; a PDF's pages are rendered and stacked into one
 * image, and the PDF itself is not kept.
 */
export async function cleanUpload(bytes: Uint8Array): Promise<Cleaned> {
  if (bytes.byteLength === 0) throw new HttpError(422, "Le fichier est vide.");
  if (bytes.byteLength > MAX_FILE_BYTES) throw new HttpError(413, "Le fichier dépasse 10 Mo.");
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED.has(type.mime)) throw new HttpError(415, REFUSED_TYPE);
  try {
    if (type.mime === "application/pdf") return await renderPdf(bytes);
    return await reencode(Buffer.from(bytes));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(422, "Ce fichier est illisible ou abîmé : il n'a pas été joint.");
  }
}

async function reencode(input: Buffer, pages = 1): Promise<Cleaned> {
  // rotate() applies the EXIF orientation before the metadata is dropped; sharp writes none unless asked to.
  const { data, info } = await sharp(input, { limitInputPixels: 50_000_000, failOn: "error" })
    .rotate()
    .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: "inside", withoutEnlargement: true })
    .flatten({ background: "#ffffff" })
    .png()
    .toBuffer({ resolveWithObject: true });
  return { png: data, width: info.width, height: info.height, pages };
}

async function renderPdf(bytes: Uint8Array): Promise<Cleaned> {
  const mupdf = await import("mupdf");
  const document = mupdf.Document.openDocument(bytes, "application/pdf");
  try {
    const count = document.countPages();
    if (count === 0) throw new HttpError(422, "Ce PDF ne contient aucune page.");
    if (count > MAX_PDF_PAGES) throw new HttpError(422, `Ce PDF a ${count} pages : joignez-en ${MAX_PDF_PAGES} au plus (ou une capture de la page utile).`);
    const rendered: { png: Buffer; width: number; height: number }[] = [];
    for (let i = 0; i < count; i++) {
      const page = document.loadPage(i);
      // 2× (144 dpi): text stays readable for people and for the OCR.
      const pixmap = page.toPixmap(mupdf.Matrix.scale(2, 2), mupdf.ColorSpace.DeviceRGB, false, true);
      rendered.push({ png: Buffer.from(pixmap.asPNG()), width: pixmap.getWidth(), height: pixmap.getHeight() });
      pixmap.destroy();
      page.destroy();
    }
    const width = Math.max(...rendered.map((p) => p.width));
    const height = rendered.reduce((sum, p) => sum + p.height, 0);
    let top = 0;
    const layers = rendered.map((p) => {
      const layer = { input: p.png, top, left: 0 };
      top += p.height;
      return layer;
    });
    const stacked = await sharp({ create: { width, height, channels: 3, background: "#ffffff" } }).composite(layers).png().toBuffer();
    return reencode(stacked, count);
  } finally {
    document.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// OCR: tesseract.js with the French model from @tesseract.js-data/fra, loaded from node_modules (never downloaded).

let ocr: Promise<Worker> | undefined;

function frenchModelDir() {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("@tesseract.js-data/fra/package.json")), "4.0.0_best_int");
}

function ocrWorker(): Promise<Worker> {
  ocr ??= createWorker("fra", OEM.LSTM_ONLY, { langPath: frenchModelDir(), gzip: true, cacheMethod: "none" }).catch((error: unknown) => {
    ocr = undefined;
    throw error;
  });
  return ocr;
}

/** Ends the OCR worker thread (tests, bench, shutdown); the next analysis starts a new one. */
export async function stopOcr() {
  const running = ocr;
  ocr = undefined;
  if (running) await (await running).terminate();
}

/** The words of each line that OCR reads in a PNG. Small images are read at twice their size (boxes scaled back). */
export async function readLines(png: Buffer): Promise<OcrWord[][]> {
  const { width = 0 } = await sharp(png).metadata();
  const scale = width > 0 && width < 1000 ? 2 : 1;
  const input = scale === 1 ? png : await sharp(png).resize({ width: width * scale }).png().toBuffer();
  const worker = await ocrWorker();
  const { data } = await worker.recognize(input, {}, { blocks: true, text: false });
  const lines = (data.blocks ?? []).flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
  return lines.map((line) =>
    line.words
      .filter((word) => word.text.trim())
      .map((word) => ({
        text: word.text,
        bbox: { x0: word.bbox.x0 / scale, y0: word.bbox.y0 / scale, x1: word.bbox.x1 / scale, y1: word.bbox.y1 / scale },
      })),
  );
}

/** Opaque boxes drawn over the image (areas in pixels of the image). */
export async function coverAreas(png: Buffer, boxes: readonly Box[]): Promise<Buffer> {
  if (boxes.length === 0) return png;
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const rects = boxes
    .map((b) => {
      const x = Math.max(0, Math.floor(b.x0));
      const y = Math.max(0, Math.floor(b.y0));
      const w = Math.min(width, Math.ceil(b.x1)) - x;
      const h = Math.min(height, Math.ceil(b.y1)) - y;
      return w > 0 && h > 0 ? `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#000"/>` : "";
    })
    .join("");
  const overlay = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${rects}</svg>`);
  return sharp(png).composite([{ input: overlay, top: 0, left: 0 }]).png().toBuffer();
}

/** OCR, then every word box that shows an identifier covered: the masked PNG and how many identifiers were found. */
export async function maskIdentifiers(png: Buffer): Promise<{ png: Buffer; found: number }> {
  const { boxes, found } = boxesToCover(await readLines(png));
  return { png: await coverAreas(png, boxes), found };
}

export async function thumbnail(png: Buffer): Promise<Buffer> {
  return sharp(png).resize({ width: 320, height: 320, fit: "inside", withoutEnlargement: true }).webp({ quality: 70 }).toBuffer();
}
