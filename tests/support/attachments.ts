import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";
import type { TestServer } from "./server";

/** A generated screenshot: dark text lines on white, 640 px wide. */
export function textImage(lines: readonly string[], width = 640) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${30 + lines.length * 34}"><rect width="100%" height="100%" fill="#fff"/>${lines
    .map((line, i) => `<text x="20" y="${40 + i * 34}" font-family="DejaVu Sans" font-size="20" fill="#000">${line.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</text>`)
    .join("")}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * An attachment as the worker leaves it (masked image stored under its hash, thumbnail, status pending_review),
 * without running the OCR: for pages that show a file (the OCR itself is covered by tests/integration/attachments.test.ts).
 */
export async function seedAnalysedAttachment(server: TestServer, { email, irritantId, png }: { email: string; irritantId: number; png: Buffer }): Promise<number> {
  const sql = server.database.db.$client;
  const dir = path.join(path.dirname(server.database.file), "attachments");
  fs.mkdirSync(dir, { recursive: true });
  const sha256 = createHash("sha256").update(png).digest("hex");
  fs.writeFileSync(path.join(dir, `${sha256}.png`), png);
  fs.writeFileSync(path.join(dir, `${sha256}.thumb.webp`), await sharp(png).resize({ width: 320, height: 320, fit: "inside" }).webp().toBuffer());
  const { width = 0, height = 0 } = await sharp(png).metadata();
  const uploader = sql.prepare("select id from users where email = ?").pluck().get(email) as number;
  return sql
    .prepare("insert into attachments (owner_kind, owner_id, irritant_id, uploader_id, status, sha256, width, height) values ('irritant', ?, ?, ?, 'pending_review', ?, ?, ?) returning id")
    .pluck()
    .get(irritantId, irritantId, uploader, sha256, width, height) as number;
}
