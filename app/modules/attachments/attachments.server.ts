import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, count, eq, gte, inArray, isNotNull } from "drizzle-orm";
import sharp from "sharp";
import { getDb, type DbOrTx } from "#db/client";
import { attachments, comments, irritants, ticketMessages, tickets } from "#db/schema";
import type { AttachmentOwnerKind, AttachmentStatus } from "#db/vocabularies/attachments";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { isPubliclyVisible } from "~/modules/irritants/index.server";
import { cleanUpload, coverAreas, maskIdentifiers, thumbnail, type Cleaned } from "./image.server";
import type { CoverArea } from "./grid";
import { MAX_ATTACHMENTS } from "./labels";

/** The folder of the files: `attachments/` beside the database file (never under public/). */
export function attachmentsDir(db: DbOrTx = getDb()): string {
  const file = (db as { $client?: { name?: string } }).$client?.name ?? getDb().$client.name;
  return path.join(path.dirname(path.resolve(file)), "attachments");
}
const pendingFile = (dir: string, id: number) => path.join(dir, "pending", `${id}.png`);
const storedFile = (dir: string, sha256: string, variant: "full" | "thumb") => path.join(dir, variant === "full" ? `${sha256}.png` : `${sha256}.thumb.webp`);

type Target = { kind: AttachmentOwnerKind; id: number };
type Owner = { irritantId: number; ticketId: number | null; authorId: number | null };

/** The irritant (and ticket) an owner belongs to, and who wrote it. */
function findOwner(target: Target): Owner | undefined {
  const db = getDb();
  if (target.kind === "irritant") {
    const row = db.select({ authorId: irritants.authorId }).from(irritants).where(eq(irritants.id, target.id)).get();
    return row && { irritantId: target.id, ticketId: null, authorId: row.authorId };
  }
  if (target.kind === "comment") {
    const row = db.select({ irritantId: comments.irritantId, authorId: comments.authorId }).from(comments).where(eq(comments.id, target.id)).get();
    return row && { irritantId: row.irritantId, ticketId: null, authorId: row.authorId };
  }
  const row = db
    .select({ ticketId: ticketMessages.ticketId, authorId: ticketMessages.authorId, irritantId: tickets.irritantId })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .where(eq(ticketMessages.id, target.id))
    .get();
  return row && { irritantId: row.irritantId, ticketId: row.ticketId, authorId: row.authorId };
}

/** Who may attach to a thing: its author, or the team; for anyone else it does not exist (404). Checked before the body is read. */
export function requireAttachable(actor: SessionUser, target: Target): Owner {
  const owner = findOwner(target);
  if (!owner || (owner.authorId !== actor.id && !can(actor, "irritant:triage"))) throw new HttpError(404, "Ressource introuvable.");
  return owner;
}

const tooMany = (n: number) =>
  n === 0 ? `${MAX_ATTACHMENTS} fichiers sont déjà joints : aucun autre ne peut l'être.` : `${MAX_ATTACHMENTS} fichiers au plus par contribution : ${n === 1 ? "1 autre peut" : `${n} autres peuvent`} encore être joints.`;

/**
 * Attaches a file: only the author of the irritant, comment or reply (or the team) may; five per thing. The type comes
 * from the bytes; the cleaned image waits, unmasked and unserved, for the worker's analysis (status "analysing").
 */
export async function attachFile(actor: SessionUser, target: Target, bytes: Uint8Array): Promise<{ id: number; status: AttachmentStatus }> {
  requireAttachable(actor, target);
  if (countAttached(target) >= MAX_ATTACHMENTS) throw new HttpError(422, `${MAX_ATTACHMENTS} fichiers au plus par contribution : celui-ci n'a pas été joint.`);
  const [row] = attachPrepared(actor, target, { files: [await cleanUpload(bytes)] });
  return row;
}

const countAttached = (target: Target, db: DbOrTx = getDb()) =>
  db.select({ n: count() }).from(attachments).where(and(eq(attachments.ownerKind, target.kind), eq(attachments.ownerId, target.id))).get()?.n ?? 0;

/** Files picked in a page's form, typed from their bytes and cleaned: nothing is written yet. */
type PreparedUploads = { files: Cleaned[] };

/**
 * Checks and cleans every file of a page's submission before anything is written (the irritant, comment or reply
 * included): one refused file refuses the whole submission, and the refusal names it (field `files`).
 */
export async function prepareUploads(files: readonly File[]): Promise<PreparedUploads> {
  const refuse = (status: 413 | 415 | 422, sentence: string) => {
    const message = `${sentence} Rien n'a été enregistré : choisissez d'autres fichiers ou retirez celui-ci, puis envoyez à nouveau.`;
    return new HttpError(status, message, { files: [message] });
  };
  if (files.length > MAX_ATTACHMENTS) throw refuse(422, `${MAX_ATTACHMENTS} fichiers au plus.`);
  const cleaned: Cleaned[] = [];
  for (const file of files) {
    const name = file.name.trim() ? `« ${file.name.trim().slice(0, 60)} »` : "Un fichier";
    try {
      cleaned.push(await cleanUpload(new Uint8Array(await file.arrayBuffer())));
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      throw refuse(error.status === 413 || error.status === 415 ? error.status : 422, `${name} : ${error.message}`);
    }
  }
  return { files: cleaned };
}

/**
 * Attaches cleaned files to a thing in one transaction (all or none), then leaves the unmasked copies where the worker
 * reads them. Only the thing's author or the team may; five files per thing.
 */
export function attachPrepared(actor: SessionUser, target: Target, { files }: PreparedUploads): { id: number; status: AttachmentStatus }[] {
  if (files.length === 0) return [];
  const owner = requireAttachable(actor, target);
  const dir = attachmentsDir();
  const rows = getDb().transaction((tx) => {
    const room = MAX_ATTACHMENTS - countAttached(target, tx);
    if (files.length > room) throw new HttpError(422, tooMany(Math.max(0, room)), { files: [tooMany(Math.max(0, room))] });
    return files.map((cleaned) => {
      const inserted = tx
        .insert(attachments)
        .values({ ownerKind: target.kind, ownerId: target.id, irritantId: owner.irritantId, ticketId: owner.ticketId, uploaderId: actor.id, width: cleaned.width, height: cleaned.height, pages: cleaned.pages })
        .returning({ id: attachments.id, status: attachments.status })
        .get();
      recordEvent(tx, { type: "attachment.uploaded", actorId: actor.id, subject: { type: "attachment", id: inserted.id }, payload: { irritantId: owner.irritantId, owner: target.kind, pages: cleaned.pages } });
      return inserted;
    });
  });
  // Written once the rows are committed; a copy that cannot be written makes the worker mark its attachment failed.
  fs.mkdirSync(path.join(dir, "pending"), { recursive: true });
  rows.forEach((row, i) => {
    try {
      fs.writeFileSync(pendingFile(dir, row.id), files[i].png);
    } catch (error) {
      console.error(`Attachment ${row.id}: the copy for analysis could not be written; the worker will mark it failed.`, error);
    }
  });
  return rows;
}

/**
 * The worker's step: OCR the waiting images one by one, cover what identifies a patient, store the result under its
 * hash (with a thumbnail) and erase the unmasked copy. A failure leaves the attachment "failed": never served, shown
 * to the team as such. Returns how many were analysed.
 */
export async function analysePendingAttachments(limit = 5): Promise<number> {
  const db = getDb();
  const dir = attachmentsDir();
  const waiting = db.select({ id: attachments.id }).from(attachments).where(eq(attachments.status, "analysing")).orderBy(asc(attachments.id)).limit(limit).all();
  for (const { id } of waiting) {
    const pending = pendingFile(dir, id);
    try {
      const { png, found } = await maskIdentifiers(fs.readFileSync(pending));
      const sha256 = createHash("sha256").update(png).digest("hex");
      fs.writeFileSync(storedFile(dir, sha256, "full"), png);
      fs.writeFileSync(storedFile(dir, sha256, "thumb"), await thumbnail(png));
      const updated = db
        .update(attachments)
        .set({ status: "pending_review", sha256, maskedCount: found })
        .where(and(eq(attachments.id, id), eq(attachments.status, "analysing")))
        .run();
      // Removed while it was analysed: drop what was just written, unless another attachment holds the same file.
      if (updated.changes === 0) removeUnusedFiles(dir, [sha256]);
    } catch (error) {
      console.error(`Attachment ${id}: analysis failed.`, error);
      db.update(attachments).set({ status: "failed" }).where(eq(attachments.id, id)).run();
    } finally {
      fs.rmSync(pending, { force: true });
    }
  }
  return waiting.length;
}

type AttachmentRow = typeof attachments.$inferSelect;

/** Who may see an attachment (its file included): the same rules as the thing it belongs to, and review first. */
function maySee(viewer: SessionUser | null, row: AttachmentRow): boolean {
  if (viewer && can(viewer, "irritant:read-unpublished")) return true;
  if (viewer && row.uploaderId === viewer.id) return true;
  if (row.status !== "approved") return false;
  const db = getDb();
  if (viewer && can(viewer, "ticket:respond")) {
    if (viewer.organisationId === null) return false;
    const ticket = db
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.irritantId, row.irritantId), eq(tickets.vendorId, viewer.organisationId), ...(row.ticketId ? [eq(tickets.id, row.ticketId)] : [])))
      .get();
    return !!ticket;
  }
  // Ticket replies stay between the reporter's thread, the vendor and the team: no public copy of their files.
  if (row.ownerKind === "ticket_reply") return false;
  const irritant = db.select({ published: irritants.published, hiddenAt: irritants.hiddenAt, mergedIntoId: irritants.mergedIntoId }).from(irritants).where(eq(irritants.id, row.irritantId)).get();
  if (!irritant || !isPubliclyVisible(irritant)) return false;
  if (row.ownerKind === "comment") {
    const comment = db.select({ hiddenAt: comments.hiddenAt }).from(comments).where(eq(comments.id, row.ownerId)).get();
    return !!comment && comment.hiddenAt === null;
  }
  return true;
}

export type AttachmentView = { id: number; status: AttachmentStatus; masked: number; width: number; height: number; pages: number; createdAt: string };
const view = (row: AttachmentRow): AttachmentView => ({ id: row.id, status: row.status, masked: row.maskedCount, width: row.width, height: row.height, pages: row.pages, createdAt: row.createdAt });

/** One attachment as the viewer may see it; 404 otherwise (existence is not told). */
export function getAttachment(viewer: SessionUser | null, id: number): AttachmentView {
  const row = getDb().select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || !maySee(viewer, row)) throw new HttpError(404, "Ressource introuvable.");
  return view(row);
}

/** The masked image (or its thumbnail) of an attachment the viewer may see; 404 while it is analysed or if it failed. */
export function readAttachmentFile(viewer: SessionUser | null, id: number, variant: "full" | "thumb"): { bytes: Buffer; type: string; name: string } {
  const row = getDb().select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || !maySee(viewer, row) || !row.sha256) throw new HttpError(404, "Ressource introuvable.");
  const file = storedFile(attachmentsDir(), row.sha256, variant);
  if (!fs.existsSync(file)) throw new HttpError(404, "Ressource introuvable.");
  return variant === "full"
    ? { bytes: fs.readFileSync(file), type: "image/png", name: `piece-jointe-${row.id}.png` }
    : { bytes: fs.readFileSync(file), type: "image/webp", name: `piece-jointe-${row.id}-vignette.webp` };
}

/** The attachments of some owners the viewer may see, oldest first. */
export function listAttachments(viewer: SessionUser | null, kind: AttachmentOwnerKind, ownerIds: readonly number[]): (AttachmentView & { ownerId: number })[] {
  if (ownerIds.length === 0) return [];
  return getDb()
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerKind, kind), inArray(attachments.ownerId, [...ownerIds])))
    .orderBy(asc(attachments.id))
    .all()
    .filter((row) => maySee(viewer, row))
    .map((row) => ({ ...view(row), ownerId: row.ownerId, mayCover: coverRefusal(viewer, row) === null }));
}

/** Every attachment of an irritant (its own, its comments', its tickets' replies) the viewer may see: the team's review. */
export function listAttachmentsOfIrritant(viewer: SessionUser | null, irritantId: number): (AttachmentView & { ownerKind: AttachmentOwnerKind; ownerId: number })[] {
  return getDb()
    .select()
    .from(attachments)
    .where(eq(attachments.irritantId, irritantId))
    .orderBy(asc(attachments.id))
    .all()
    .filter((row) => maySee(viewer, row))
    .map((row) => ({ ...view(row), ownerKind: row.ownerKind, ownerId: row.ownerId, mayCover: coverRefusal(viewer, row) === null }));
}

/**
 * Why this viewer may not cover areas of this file by hand, or null if they may: the team on any masked file, its
 * uploader until the team has approved it; nobody while it is analysed or if the analysis failed.
 */
function coverRefusal(viewer: SessionUser | null, row: AttachmentRow): { status: 403 | 409; message: string } | null {
  const team = !!viewer && can(viewer, "irritant:triage");
  if (!viewer || (!team && row.uploaderId !== viewer.id)) return { status: 403, message: "Seuls l'auteur du fichier et l'équipe programme peuvent y masquer des zones." };
  if (row.status === "analysing") return { status: 409, message: "L'analyse de ce fichier est en cours : vous pourrez masquer des zones ensuite." };
  if (row.status === "failed" || !row.sha256) return { status: 409, message: "L'analyse de ce fichier a échoué : il n'est pas publié, il n'y a rien à masquer." };
  if (row.status === "approved" && !team)
    return { status: 409, message: "L'équipe programme a déjà validé ce fichier : seule elle peut encore y masquer des zones. Écrivez-lui si une zone doit l'être." };
  return null;
}

export type CoverableAttachment = AttachmentView & { irritantId: number; ownerKind: AttachmentOwnerKind; ticketId: number | null; refusal: string | null; version: string };

/** An attachment for its cover page: 404 if the viewer may not see it; `refusal` says why they may not cover it. */
export function getCoverableAttachment(viewer: SessionUser, id: number): CoverableAttachment {
  const row = getDb().select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || !maySee(viewer, row)) throw new HttpError(404, "Ressource introuvable.");
  return { ...view(row), irritantId: row.irritantId, ownerKind: row.ownerKind, ticketId: row.ticketId, refusal: coverRefusal(viewer, row)?.message ?? null, version: (row.sha256 ?? "").slice(0, 12) };
}

/**
 * Covers areas of a masked image by hand (fractions 0–1 of the image): opaque boxes drawn on the stored masked image
 * (the unmasked original is never kept), stored under its new hash with a new thumbnail; the old files are deleted
 * once the row names the new ones. Audit-logged with the number of areas.
 */
export async function coverAttachment(actor: SessionUser, id: number, covers: readonly CoverArea[]): Promise<AttachmentView> {
  const db = getDb();
  const row = db.select().from(attachments).where(eq(attachments.id, id)).get();
  if (!row || !maySee(actor, row)) throw new HttpError(404, "Ressource introuvable.");
  const refusal = coverRefusal(actor, row);
  if (refusal) throw new HttpError(refusal.status, refusal.message);
  if (covers.length === 0) throw new HttpError(422, "Indiquez au moins une zone à masquer.", { covers: ["Indiquez au moins une zone à masquer."] });
  const dir = attachmentsDir();
  const oldSha = row.sha256 as string;
  const current = fs.readFileSync(storedFile(dir, oldSha, "full"));
  const { width = row.width, height = row.height } = await sharp(current).metadata();
  const boxes = covers.map((c) => ({ x0: c.x * width, y0: c.y * height, x1: (c.x + c.width) * width, y1: (c.y + c.height) * height }));
  const png = await coverAreas(current, boxes);
  const sha256 = createHash("sha256").update(png).digest("hex");
  fs.writeFileSync(storedFile(dir, sha256, "full"), png);
  fs.writeFileSync(storedFile(dir, sha256, "thumb"), await thumbnail(png));
  const updated = db.transaction((tx) => {
    // Only if nobody replaced the image meanwhile (another covering, a removal): otherwise this one is refused.
    const result = tx
      .update(attachments)
      .set({ sha256 })
      .where(and(eq(attachments.id, id), eq(attachments.sha256, oldSha), eq(attachments.status, row.status)))
      .returning()
      .get();
    if (result) recordEvent(tx, { type: "attachment.covered", actorId: actor.id, subject: { type: "attachment", id }, payload: { irritantId: row.irritantId, areas: covers.length } });
    return result;
  });
  if (!updated) {
    removeUnusedFiles(dir, [sha256]);
    throw new HttpError(409, "Ce fichier a changé entre-temps (validé, supprimé ou déjà masqué par quelqu'un d'autre) : rechargez la page et recommencez.");
  }
  removeUnusedFiles(dir, [oldSha]);
  return view(updated);
}

/** The team approves a masked attachment: from then on the vendor (its ticket) and, once published, the public see it. */
export function approveAttachment(actor: SessionUser, id: number): AttachmentView {
  if (!can(actor, "irritant:triage")) throw new HttpError(403, "Action réservée à l'équipe programme.");
  const db = getDb();
  return db.transaction((tx) => {
    const row = tx.select().from(attachments).where(eq(attachments.id, id)).get();
    if (!row) throw new HttpError(404, "Ressource introuvable.");
    if (row.status === "approved") return view(row);
    if (row.status !== "pending_review") throw new HttpError(409, row.status === "analysing" ? "L'analyse de ce fichier est en cours : il pourra être validé ensuite." : "L'analyse de ce fichier a échoué : il ne peut pas être validé.");
    const updated = tx.update(attachments).set({ status: "approved", approvedById: actor.id }).where(eq(attachments.id, id)).returning().get();
    recordEvent(tx, { type: "attachment.approved", actorId: actor.id, subject: { type: "attachment", id }, payload: { irritantId: row.irritantId } });
    return view(updated);
  });
}

/**
 * Files no attachment row names any more are deleted (several rows may share one file: same content, same hash). Run
 * once the rows' deletion is committed, never inside the transaction: a rollback must not leave rows without files. A
 * file already missing is fine; one that cannot be deleted is logged (no row names it any more).
 */
function removeUnusedFiles(dir: string, hashes: readonly (string | null)[]) {
  for (const sha256 of new Set(hashes.filter((h): h is string => !!h))) {
    const still = getDb().select({ n: count() }).from(attachments).where(eq(attachments.sha256, sha256)).get()?.n ?? 0;
    if (still > 0) continue;
    deleteFile(storedFile(dir, sha256, "full"));
    deleteFile(storedFile(dir, sha256, "thumb"));
  }
}

function deleteFile(file: string) {
  try {
    fs.rmSync(file, { force: true });
  } catch (error) {
    console.error(`Attachment file ${file} could not be deleted; no attachment names it any more.`, error);
  }
}

/**
 * What a removal leaves to do once its transaction has committed: delete the files. The caller that owns the
 * transaction calls `deleteFiles()` after it (calling it twice does nothing more).
 */
type AttachmentRemoval = { removed: number; deleteFiles: () => void };

/**
 * Removes attachments (team removal, hidden irritants, account deletion, retention): the rows and their audit events in
 * the caller's transaction; the files by the returned `deleteFiles`, after the commit.
 */
function removeAttachments(tx: DbOrTx, rows: readonly { id: number; sha256: string | null; irritantId: number }[], actorId: number | null, reason: "team" | "hidden" | "account_deleted" | "retention"): AttachmentRemoval {
  if (rows.length === 0) return { removed: 0, deleteFiles: () => {} };
  tx.delete(attachments).where(inArray(attachments.id, rows.map((r) => r.id))).run();
  for (const row of rows) recordEvent(tx, { type: "attachment.removed", actorId, subject: { type: "attachment", id: row.id }, payload: { irritantId: row.irritantId, reason } });
  let done = false;
  return {
    removed: rows.length,
    deleteFiles: () => {
      if (done) return;
      done = true;
      const dir = attachmentsDir();
      for (const row of rows) deleteFile(pendingFile(dir, row.id));
      removeUnusedFiles(dir, rows.map((r) => r.sha256));
    },
  };
}

const rowsWhere = (tx: DbOrTx, where: ReturnType<typeof eq>) => tx.select({ id: attachments.id, sha256: attachments.sha256, irritantId: attachments.irritantId }).from(attachments).where(where).all();

/** The team removes one attachment: the row in a transaction, its files once it has committed. */
export function removeAttachment(actor: SessionUser, id: number) {
  if (!can(actor, "irritant:triage")) throw new HttpError(403, "Action réservée à l'équipe programme.");
  const removal = getDb().transaction((tx) => {
    const rows = rowsWhere(tx, eq(attachments.id, id));
    if (rows.length === 0) throw new HttpError(404, "Ressource introuvable.");
    return removeAttachments(tx, rows, actor.id, "team");
  });
  removal.deleteFiles();
}

/** Everything a person uploaded (account deletion), in the caller's transaction: call `deleteFiles()` after it. */
export function removeAttachmentsUploadedBy(tx: DbOrTx, userId: number, reason: "account_deleted" | "retention"): AttachmentRemoval {
  return removeAttachments(tx, rowsWhere(tx, eq(attachments.uploaderId, userId)), null, reason);
}

/** What a person uploaded, for their personal-data export. */
export function attachmentsUploadedBy(userId: number) {
  return getDb()
    .select({ id: attachments.id, attachedTo: attachments.ownerKind, ownerId: attachments.ownerId, irritantId: attachments.irritantId, status: attachments.status, masked: attachments.maskedCount, createdAt: attachments.createdAt })
    .from(attachments)
    .where(eq(attachments.uploaderId, userId))
    .orderBy(asc(attachments.id))
    .all();
}

/**
 * "Masquer": the attachments of irritants the team hid are removed with their files (by the page that hides, and by
 * the worker for every other path, the API's included). Within the caller's transaction (`within`), the caller calls
 * `deleteFiles()` once it has committed; otherwise this runs its own transaction and deletes the files after it.
 * `hiddenSince` (an ISO time) limits the sweep to irritants hidden since then: the worker's sweep every two seconds
 * reads only the newly hidden ones (through the partial index `irritants_hidden_idx`), not every hidden irritant.
 */
export function removeAttachmentsOfHiddenIrritants(within?: DbOrTx, actorId: number | null = null, hiddenSince?: string): AttachmentRemoval {
  const run = (tx: DbOrTx) => {
    const rows = tx
      .select({ id: attachments.id, sha256: attachments.sha256, irritantId: attachments.irritantId })
      // CROSS JOIN fixes the order: the hidden irritants first (a few, from the partial index), then their files —
      // left to itself, the planner may read every attachment or every irritant.
      .from(irritants)
      .crossJoin(attachments)
      .where(and(eq(attachments.irritantId, irritants.id), hiddenSince === undefined ? isNotNull(irritants.hiddenAt) : gte(irritants.hiddenAt, hiddenSince)))
      .all();
    return removeAttachments(tx, rows, actorId, "hidden");
  };
  if (within) return run(within);
  const removal = getDb().transaction(run);
  removal.deleteFiles();
  return removal;
}
