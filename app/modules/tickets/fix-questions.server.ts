/** "Est-ce corrigé pour vous ?": the reporter's and supporters' answers to a vendor's fix, which may reopen the ticket. */
import { and, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { fixConfirmations, irritants, products, supports, tickets } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { confirmFix, followTicketOutcome } from "~/modules/irritants/index.server";
import { getSettings } from "~/modules/settings/index.server";
import type { FixAnswer } from "./tickets";
import { addMessage, fixAnswerCounts, nowIso } from "./tickets.server";
import { retallyTicket } from "./scorecard-tallies.server";

/** Tickets of an irritant that await "Est-ce corrigé pour vous ?" from its reporter and supporters. */
export function fixQuestionsFor(user: SessionUser | null, irritantId: number) {
  if (!user) return [];
  const db = getDb();
  const irritant = db.select({ authorId: irritants.authorId }).from(irritants).where(eq(irritants.id, irritantId)).get();
  const concerned =
    irritant &&
    (irritant.authorId === user.id || !!db.select({ u: supports.userId }).from(supports).where(and(eq(supports.irritantId, irritantId), eq(supports.userId, user.id))).get());
  if (!concerned) return [];
  const fixed = db
    .select({ id: tickets.id, version: tickets.resolutionVersion, round: tickets.reopenCount, productName: products.name })
    .from(tickets)
    .innerJoin(products, eq(products.id, tickets.productId))
    .where(and(eq(tickets.irritantId, irritantId), eq(tickets.status, "resolved"), eq(tickets.resolution, "fixed")))
    .all();
  return fixed.map((t) => ({
    ...t,
    answer:
      db
        .select({ a: fixConfirmations.answer })
        .from(fixConfirmations)
        .where(and(eq(fixConfirmations.ticketId, t.id), eq(fixConfirmations.userId, user.id), eq(fixConfirmations.round, t.round)))
        .get()?.a ?? null,
  }));
}

/**
 * A reporter's or supporter's answer to "is it fixed for you?". Enough "no" (the team's threshold,
 * or a majority of at least two) reopens the ticket and the irritant.
 */
export function answerFixQuestion(
  user: SessionUser,
  ticketId: number,
  answer: FixAnswer,
) {
  return getDb().transaction((tx) => {
    const ticket = tx.select().from(tickets).where(eq(tickets.id, ticketId)).get();
    const question = ticket ? fixQuestionsFor(user, ticket.irritantId).find((q) => q.id === ticketId) : undefined;
    if (!ticket || !question) throw new HttpError(404, "Aucune question en attente pour ce ticket.");
    retallyTicket(tx, ticketId, () =>
      tx.insert(fixConfirmations)
        .values({ ticketId, userId: user.id, answer, round: ticket.reopenCount, answeredAt: nowIso() })
        .onConflictDoUpdate({ target: [fixConfirmations.ticketId, fixConfirmations.userId, fixConfirmations.round], set: { answer, answeredAt: nowIso() } })
        .run(),
    );
    recordEvent(tx, { type: "ticket.fix_answered", actorId: user.id, subject: { type: "ticket", id: ticketId }, payload: { irritantId: ticket.irritantId, answer } });
    const counts = fixAnswerCounts(tx, ticket);
    const threshold = getSettings(tx).fixDenialsToReopen;
    const reopen = counts.no >= threshold || (counts.no >= 2 && counts.no > counts.yes);
    // Confirmed by its people: "Correctif annoncé" becomes "Résolu".
    if (!reopen && counts.yes > counts.no) confirmFix(tx, ticket.irritantId);
    if (reopen) {
      retallyTicket(tx, ticketId, () =>
        tx.update(tickets)
          .set({ status: "open", resolution: null, resolvedAt: null, reopenCount: ticket.reopenCount + 1 })
          .where(eq(tickets.id, ticketId))
          .run(),
      );
      addMessage(tx, ticketId, null, "system", "public", `Ticket rouvert : ${counts.no} personnes indiquent que le problème persiste après la correction.`);
      recordEvent(tx, { type: "ticket.reopened", actorId: null, subject: { type: "ticket", id: ticketId }, payload: { irritantId: ticket.irritantId, denials: counts.no } });
      followTicketOutcome(tx, ticket.irritantId, "in_progress", null);
    }
    return { counts, reopened: reopen };
  });
}
