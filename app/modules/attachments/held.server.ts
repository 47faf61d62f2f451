import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { HttpError } from "~/lib/errors";
import type { SessionUser } from "~/lib/session-users.server";
import { attachmentsDir } from "./attachments.server";
import type { Cleaned } from "./image.server";
import { MAX_ATTACHMENTS } from "./labels";

/**
 * Files held between the filing form's « Vérifier les doublons » and its final submission, so that a browser without
 * JavaScript need not pick them again: already typed and cleaned (metadata gone), kept in `attachments/held/` (never
 * served) under a token that starts with the uploader's id, with their name and size for the form's list. The final
 * submission attaches them; anything not used within a day is swept away (the worker's hourly pass, and every hold).
 */
export type HeldUpload = { token: string; name: string; size: number; pages: number };

const HELD_FOR_MS = 24 * 3_600_000;
const TOKEN = /^(\d+)-([0-9a-f]{32})$/;
const heldDir = () => path.join(attachmentsDir(), "held");
const files = (token: string) => ({ png: path.join(heldDir(), `${token}.png`), meta: path.join(heldDir(), `${token}.json`) });

/** The actor's own tokens among those posted (anything else is ignored: a token is no way into someone else's files). */
const ownTokens = (actor: SessionUser, tokens: readonly string[]) => [...new Set(tokens)].filter((t) => TOKEN.exec(t)?.[1] === String(actor.id));

/** Holds cleaned files for the actor; returns what the form lists (and posts back as `held`). */
export function holdUploads(actor: SessionUser, cleaned: readonly Cleaned[], originals: readonly { name: string; size: number }[]): HeldUpload[] {
  sweepHeldUploads();
  fs.mkdirSync(heldDir(), { recursive: true });
  return cleaned.map((file, i) => {
    const token = `${actor.id}-${randomBytes(16).toString("hex")}`;
    const held: HeldUpload = { token, name: (originals[i]?.name.trim() || `Fichier ${i + 1}`).slice(0, 80), size: originals[i]?.size ?? file.png.length, pages: file.pages };
    fs.writeFileSync(files(token).png, file.png);
    fs.writeFileSync(files(token).meta, JSON.stringify({ ...held, width: file.width, height: file.height }));
    return held;
  });
}

/** The actor's held files that still exist, in the order posted. */
export function listHeldUploads(actor: SessionUser, tokens: readonly string[]): HeldUpload[] {
  return ownTokens(actor, tokens).flatMap((token) => {
    try {
      const { name, size, pages } = JSON.parse(fs.readFileSync(files(token).meta, "utf8")) as HeldUpload;
      return fs.existsSync(files(token).png) ? [{ token, name, size, pages }] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The held files as cleaned uploads, for the final submission. A token that has expired (swept) is a 422 that asks
 * for the file again, rather than an irritant filed without the file its author saw listed.
 */
export function takeHeldUploads(actor: SessionUser, tokens: readonly string[]): Cleaned[] {
  const own = ownTokens(actor, tokens);
  if (own.length > MAX_ATTACHMENTS) throw new HttpError(422, `${MAX_ATTACHMENTS} fichiers au plus.`, { files: [`${MAX_ATTACHMENTS} fichiers au plus.`] });
  return own.map((token) => {
    try {
      const meta = JSON.parse(fs.readFileSync(files(token).meta, "utf8")) as { width: number; height: number; pages: number };
      return { png: fs.readFileSync(files(token).png), width: meta.width, height: meta.height, pages: meta.pages };
    } catch {
      const message = "Un fichier vérifié plus tôt n'est plus disponible (plus d'un jour) : choisissez-le à nouveau. Rien n'a été enregistré.";
      throw new HttpError(422, message, { files: [message] });
    }
  });
}

/** Deletes held files (used, or removed from the form by their owner). */
export function releaseHeldUploads(actor: SessionUser, tokens: readonly string[]) {
  for (const token of ownTokens(actor, tokens)) for (const file of Object.values(files(token))) fs.rmSync(file, { force: true });
}

/** Every file held for a person (their account is deleted: no need to wait for the day's sweep). */
export function releaseHeldUploadsOf(userId: number) {
  let names: string[];
  try {
    names = fs.readdirSync(heldDir());
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(`${userId}-`)) fs.rmSync(path.join(heldDir(), name), { force: true });
}

/** Held files older than a day go: the filing was abandoned. Returns how many files were deleted. */
export function sweepHeldUploads(now = Date.now(), maxAgeMs = HELD_FOR_MS): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(heldDir());
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(heldDir(), name);
    try {
      if (now - fs.statSync(file).mtimeMs > maxAgeMs) {
        fs.rmSync(file, { force: true });
        removed += 1;
      }
    } catch {
      // Gone meanwhile: nothing to do.
    }
  }
  return removed;
}
