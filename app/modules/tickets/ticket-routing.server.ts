/** The team's routing of tickets: opening them when an irritant is forwarded or on request, reassigning, closing. */
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { irritants, tickets } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { followTicketOutcome } from "~/modules/irritants/index.server";
import { addMessage, nowIso, openTicket, requireTicket } from "./tickets.server";
import { retallyTicket } from "./scorecard-tallies.server";

/** When the team forwards an irritant that names a product, its vendor gets a ticket. */
export function openTicketsForForwardedIrritant(tx: Tx, irritantId: number, actorId: number) {
  const irritant = tx.select({ productId: irritants.productId }).from(irritants).where(eq(irritants.id, irritantId)).get();
  if (irritant?.productId) openTicket(tx, { irritantId, productId: irritant.productId, actorId });
}

/** Team: send a ticket to another product (any vendor), or close it. */
export function reassignTicket(user: SessionUser, id: number, productId: number, reason: string) {
  if (!can(user, "ticket:manage")) throw new HttpError(403, "Réservé à l'équipe programme.");
  const masked = redactPatientIdentifiers(reason);
  return getDb().transaction((tx) => {
    const ticket = requireTicket(tx, user, id);
    if (ticket.productId === productId) throw new HttpError(422, "Le ticket concerne déjà ce logiciel.", { productId: ["Choisissez un autre logiciel."] });
    const next = openTicket(tx, { irritantId: ticket.irritantId, productId, actorId: user.id, reassignedFromId: id });
    retallyTicket(tx, id, () => tx.update(tickets).set({ status: "closed", closedAt: nowIso() }).where(eq(tickets.id, id)).run());
    addMessage(tx, id, user.id, "reassignment", "internal", `Réaffecté par l'équipe au ticket n°${next.id}. ${masked.text}`.trim());
    recordEvent(tx, { type: "ticket.reassigned", actorId: user.id, subject: { type: "ticket", id }, payload: { irritantId: ticket.irritantId, toTicketId: next.id, toProductId: productId } });
    return { reassignedTo: next.id, redactions: masked.redactions };
  });
}

export function closeTicket(user: SessionUser, id: number) {
  if (!can(user, "ticket:manage")) throw new HttpError(403, "Réservé à l'équipe programme.");
  getDb().transaction((tx) => {
    const ticket = requireTicket(tx, user, id);
    if (ticket.status === "closed") throw new HttpError(409, "Ce ticket est déjà clos.");
    retallyTicket(tx, id, () => tx.update(tickets).set({ status: "closed", closedAt: nowIso() }).where(eq(tickets.id, id)).run());
    recordEvent(tx, { type: "ticket.closed", actorId: user.id, subject: { type: "ticket", id }, payload: { irritantId: ticket.irritantId } });
  });
}

/** The team opens a ticket for another product of an irritant (e.g. the sending and the receiving software). */
export function openTicketByTeam(user: SessionUser, irritantId: number, productId: number) {
  if (!can(user, "ticket:manage")) throw new HttpError(403, "Réservé à l'équipe programme.");
  return getDb().transaction((tx) => {
    if (!tx.select({ id: irritants.id }).from(irritants).where(eq(irritants.id, irritantId)).get()) throw new HttpError(404, "Ce signalement n'existe pas.");
    const ticket = openTicket(tx, { irritantId, productId, actorId: user.id });
    // The irritant is now with a vendor: "transmis à l'éditeur" (unless it is already further along).
    followTicketOutcome(tx, irritantId, "forwarded", user.id);
    return ticket;
  });
}
