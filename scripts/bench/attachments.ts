/**
 * The worker's time per screenshot: OCR (French model) plus covering what identifies a patient, on a generated
 * 1280×720 screenshot of a patient file (a banner, a NIR, a phone number, an e-mail and ordinary text). The first
 * run, which starts the OCR worker and loads the model, is reported apart.
 */
import sharp from "sharp";
import { maskIdentifiers, stopOcr } from "../../app/modules/attachments/index.server";

function screenshot() {
  const lines = [
    "Logiciel Cabinet 12.4 — Dossier médical",
    "Patient : MARTIN Jeanne    Né(e) le 04/11/1958    NIR 2 58 11 69 123 456 78",
    "Tél. 06 98 76 54 32    Courriel jeanne.martin@example.fr",
    "Ordonnance du jour : renouvellement du traitement habituel",
    "Erreur 0x80070005 : impossible de signer l'ordonnance électronique",
    "Le bouton « Envoyer » reste grisé après la mise à jour",
    "Contactez votre administrateur ou réessayez plus tard",
  ];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720"><rect width="100%" height="100%" fill="#f5f5fe"/><rect width="100%" height="48" fill="#000091"/><text x="24" y="32" font-family="DejaVu Sans" font-size="20" fill="#fff">Logiciel Cabinet</text>${lines
    .map((l, i) => `<text x="24" y="${110 + i * 44}" font-family="DejaVu Sans" font-size="20" fill="#161616">${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`)
    .join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function benchAttachmentMasking(runs = 5): Promise<{ firstMs: number; medianMs: number; runs: number; found: number }> {
  const png = await screenshot();
  const times: number[] = [];
  let found = 0;
  let firstMs = 0;
  try {
    for (let i = 0; i <= runs; i++) {
      const start = performance.now();
      found = (await maskIdentifiers(png)).found;
      const ms = performance.now() - start;
      if (i === 0) firstMs = ms;
      else times.push(ms);
    }
  } finally {
    await stopOcr();
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { firstMs, medianMs, runs, found };
}

if (process.argv[1]?.endsWith("attachments.ts")) {
  const result = await benchAttachmentMasking(Number(process.argv[2] ?? 5));
  console.log(
    `Attachment analysis (OCR + masking, 1280×720 screenshot): median ${result.medianMs.toFixed(0)} ms over ${result.runs} runs; first run (model load) ${result.firstMs.toFixed(0)} ms; ${result.found} identifiers covered.`,
  );
}
