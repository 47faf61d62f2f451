import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb } from "#db/client";
import { comments, irritants, tickets, users } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { scrubPassageCopies } from "~/modules/notifications/index.server";
import { findLongDigitSequences, maskPassageIn, type PassageMask } from "~/lib/text/passage";
import { indexIrritant } from "./search.server";
import { invalidateThemeModel } from "./themes.server";

export type IrritantMaskTarget = { field: "title" | "body" } | { field: "comment"; commentId: number };

const PASSAGE_NOT_FOUND = "Ce passage ne figure pas dans le texte choisi : copiez-le tel qu'il apparaît, sans le modifier.";

export function requireRedactor(actor: SessionUser) {
  if (!can(actor, "content:redact")) throw new HttpError(403, "Seule l'équipe programme peut masquer un passage.");
}

/** The mask of a text, or 422 when the passage is not in it (nothing is written then). */
export function maskOrRefuse(text: string, passage: string): PassageMask {
  const mask = maskPassageIn(text, passage);
  if (mask.occurrences === 0) throw new HttpError(422, PASSAGE_NOT_FOUND, { passage: [PASSAGE_NOT_FOUND] });
  return mask;
}


/**
 * "Masquer un passage" in an irritant's title, body or one of its comments: the passage is replaced by the
 * placeholder (the original is not kept), the search index rewritten, and copies of it in events, notifications and
 * e-mails about the irritant or its tickets erased; the audit log records who, which text and how many characters.
 * One transaction.
 */
export function maskIrritantPassage(actor: SessionUser, irritantId: number, target: IrritantMaskTarget, passage: string) {
  requireRedactor(actor);
  const result = getDb().transaction((tx) => {
    const row = tx.select().from(irritants).where(eq(irritants.id, irritantId)).get();
    if (!row) throw new HttpError(404, `Le signalement n°${irritantId} n'existe pas.`);
    let mask: PassageMask;
    if (target.field === "comment") {
      const comment = tx.select().from(comments).where(and(eq(comments.id, target.commentId), eq(comments.irritantId, irritantId))).get();
      if (!comment) throw new HttpError(404, "Ce commentaire n'existe pas sur ce signalement.");
      mask = maskOrRefuse(comment.body, passage);
      tx.update(comments).set({ body: mask.text }).where(eq(comments.id, comment.id)).run();
    } else {
      mask = maskOrRefuse(row[target.field], passage);
      const next = { title: row.title, body: row.body, [target.field]: mask.text };
      tx.update(irritants).set({ [target.field]: mask.text }).where(eq(irritants.id, irritantId)).run();
      // Purged or never indexed irritants stay out of the index. The index deletes securely (migration 0018): the
      // old words leave its segments with the old row.
      if (tx.get(sql`select 1 as found from irritants_fts where rowid = ${irritantId}`)) indexIrritant(tx, { id: irritantId, ...next });
    }
    const ticketIds = tx.select({ id: tickets.id }).from(tickets).where(eq(tickets.irritantId, irritantId)).all();
    scrubPassageCopies(tx, [{ type: "irritant", id: irritantId }, ...ticketIds.map((t) => ({ type: "ticket", id: t.id }))], mask.matches);
    recordEvent(tx, {
      type: "irritant.passage_masked",
      actorId: actor.id,
      subject: { type: "irritant", id: irritantId },
      payload: { field: target.field, ...(target.field === "comment" ? { commentId: target.commentId } : {}), occurrences: mask.occurrences, characters: mask.characters },
    });
    return { occurrences: mask.occurrences, characters: mask.characters };
  });
  // The theme classifier learns from team-confirmed irritants' words: it is retrained without the passage.
  invalidateThemeModel();
  return result;
}

/** An irritant's texts for the team's masking page: title, body and every comment, hidden ones included. */
export function irritantTexts(actor: SessionUser, irritantId: number) {
  requireRedactor(actor);
  const db = getDb();
  const row = db.select({ id: irritants.id, title: irritants.title, body: irritants.body, published: irritants.published }).from(irritants).where(eq(irritants.id, irritantId)).get();
  if (!row) throw new HttpError(404, `Le signalement n°${irritantId} n'existe pas.`);
  const commentRows = db
    .select({ id: comments.id, body: comments.body, hidden: comments.hiddenAt, createdAt: comments.createdAt, authorName: users.displayName })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.irritantId, irritantId))
    .orderBy(asc(comments.id))
    .all();
  return { ...row, comments: commentRows.map((c) => ({ ...c, hidden: c.hidden !== null })) };
}

export type DigitReview = { id: number; title: string; sequences: string[] };

/**
 * The irritants of a selection whose title, body or visible comments still hold a long digit sequence, with the
 * sequences: the team confirms before publishing them.
 */
export function digitSequencesToReview(ids: number[]): DigitReview[] {
  if (!ids.length) return [];
  const db = getDb();
  const rows = db.select({ id: irritants.id, title: irritants.title, body: irritants.body }).from(irritants).where(inArray(irritants.id, ids)).orderBy(asc(irritants.id)).all();
  const commentRows = db.select({ irritantId: comments.irritantId, body: comments.body }).from(comments).where(and(inArray(comments.irritantId, ids), isNull(comments.hiddenAt))).all();
  return rows
    .map((r) => {
      const texts = [r.title, r.body, ...commentRows.filter((c) => c.irritantId === r.id).map((c) => c.body)];
      return { id: r.id, title: r.title, sequences: [...new Set(texts.flatMap(findLongDigitSequences))] };
    })
    .filter((r) => r.sequences.length > 0);
}

/** Refuses (409) to publish an irritant whose texts still hold long digit sequences, unless the team confirmed. */
export function requireDigitsReviewed(id: number, confirmed: boolean | undefined) {
  if (confirmed) return;
  const [review] = digitSequencesToReview([id]);
  if (!review) return;
  throw new HttpError(
    409,
    "Ce signalement contient encore de longues suites de chiffres : vérifiez-les (masquez un passage si besoin), puis publiez avec confirmDigits: true.",
    { published: review.sequences },
    "digits_to_review",
  );
}
