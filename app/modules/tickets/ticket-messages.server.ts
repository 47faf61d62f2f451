/** Ticket messages read across tickets: the public vendor answers of an irritant, and the team's masking of a passage. */
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { organisations, products, ticketMessages, tickets } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import type { SessionUser } from "~/lib/session-users.server";
import { maskOrRefuse, requireRedactor } from "~/modules/irritants/index.server";
import { scrubPassageCopies } from "~/modules/notifications/index.server";

/** Public vendor answers about an irritant, for its page (the caller has checked the irritant is visible). */
export function publicVendorMessages(irritantId: number) {
  return getDb()
    .select({ id: ticketMessages.id, body: ticketMessages.body, kind: ticketMessages.kind, createdAt: ticketMessages.createdAt, vendorName: organisations.name, productName: products.name })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .innerJoin(organisations, eq(organisations.id, tickets.vendorId))
    .innerJoin(products, eq(products.id, tickets.productId))
    .where(and(eq(tickets.irritantId, irritantId), eq(ticketMessages.visibility, "public")))
    .orderBy(asc(ticketMessages.id))
    .all();
}
/**
 * "Masquer un passage" in a ticket message (a vendor's reply, a resolution note, an internal note): the passage is
 * replaced by the placeholder, copies of it in the ticket's events, notifications and e-mails erased, and the audit
 * log records who, which message and how many characters. One transaction.
 */
export function maskTicketMessagePassage(actor: SessionUser, messageId: number, passage: string) {
  requireRedactor(actor);
  return getDb().transaction((tx) => {
    const message = tx
      .select({ id: ticketMessages.id, ticketId: ticketMessages.ticketId, body: ticketMessages.body, irritantId: tickets.irritantId })
      .from(ticketMessages)
      .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
      .where(eq(ticketMessages.id, messageId))
      .get();
    if (!message) throw new HttpError(404, "Ce message de ticket n'existe pas.");
    const mask = maskOrRefuse(message.body, passage);
    tx.update(ticketMessages).set({ body: mask.text }).where(eq(ticketMessages.id, message.id)).run();
    scrubPassageCopies(tx, [{ type: "ticket", id: message.ticketId }], mask.matches);
    recordEvent(tx, {
      type: "ticket.passage_masked",
      actorId: actor.id,
      subject: { type: "ticket", id: message.ticketId },
      payload: { messageId: message.id, irritantId: message.irritantId, occurrences: mask.occurrences, characters: mask.characters },
    });
    return { ticketId: message.ticketId, occurrences: mask.occurrences, characters: mask.characters };
  });
}

/** Every message of an irritant's tickets, internal notes included, for the team's masking page. */
export function ticketMessagesOfIrritant(actor: SessionUser, irritantId: number) {
  requireRedactor(actor);
  return getDb()
    .select({
      id: ticketMessages.id,
      ticketId: ticketMessages.ticketId,
      kind: ticketMessages.kind,
      visibility: ticketMessages.visibility,
      body: ticketMessages.body,
      createdAt: ticketMessages.createdAt,
      vendorName: organisations.name,
    })
    .from(ticketMessages)
    .innerJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
    .innerJoin(organisations, eq(organisations.id, tickets.vendorId))
    .where(eq(tickets.irritantId, irritantId))
    .orderBy(asc(ticketMessages.id))
    .all();
}
