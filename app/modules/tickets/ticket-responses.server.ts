/** The vendor's side of a ticket's lifecycle: acknowledgement, replies (public or internal), resolution. */
import { and, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { products, tickets } from "#db/schema";
import { formatDay } from "~/lib/dates";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { followTicketOutcome } from "~/modules/irritants/index.server";
import { recordFirstResponse } from "./response-times.server";
import { retallyTicket } from "./scorecard-tallies.server";
import type { Resolution, TicketStatus } from "./tickets";
import { addMessage, hasOpenTicket, nowIso, openTicket, requireTicket, type Ticket } from "./tickets.server";

/** The vendor's first word of any kind starts... and stops the first-response clock. */
function markResponded(tx: Tx, user: SessionUser, ticket: Ticket, patch: Partial<Ticket> = {}) {
  const first = can(user, "ticket:respond") && !ticket.firstResponseAt;
  const firstResponseAt = first ? nowIso() : ticket.firstResponseAt;
  retallyTicket(tx, ticket.id, () => tx.update(tickets).set({ ...patch, firstResponseAt }).where(eq(tickets.id, ticket.id)).run());
  if (first) recordFirstResponse(tx, ticket.openedAt, firstResponseAt!);
}

function requireOpenForVendor(user: SessionUser, ticket: Ticket) {
  if (ticket.status === "closed") throw new HttpError(409, "Ce ticket est clos.");
  if (!can(user, "ticket:respond") && !can(user, "ticket:manage")) throw new HttpError(403, "Action réservée à l'éditeur et à l'équipe.");
}

export function acknowledgeTicket(user: SessionUser, id: number) {
  return getDb().transaction((tx) => {
    const ticket = requireTicket(tx, user, id);
    requireOpenForVendor(user, ticket);
    if (ticket.status !== "open") throw new HttpError(409, "Ce ticket a déjà été pris en compte.");
    addMessage(tx, id, user.id, "acknowledgement", "public", "L'éditeur a pris en compte ce signalement.");
    markResponded(tx, user, ticket, { status: "acknowledged" });
    recordEvent(tx, { type: "ticket.acknowledged", actorId: user.id, subject: { type: "ticket", id }, payload: { irritantId: ticket.irritantId, vendorId: ticket.vendorId } });
  });
}

export function replyToTicket(user: SessionUser, id: number, input: { body: string; visibility: "public" | "internal" }) {
  const redacted = redactPatientIdentifiers(input.body);
  return getDb().transaction((tx) => {
    const ticket = requireTicket(tx, user, id);
    requireOpenForVendor(user, ticket);
    const message = addMessage(tx, id, user.id, "reply", input.visibility, redacted.text);
    const status: TicketStatus = can(user, "ticket:respond") && input.visibility === "public" && ["open", "acknowledged"].includes(ticket.status) ? "answered" : ticket.status;
    markResponded(tx, user, ticket, { status });
    recordEvent(tx, {
      type: input.visibility === "public" ? "ticket.replied" : "ticket.internal_note",
      actorId: user.id,
      subject: { type: "ticket", id },
      payload: { irritantId: ticket.irritantId, vendorId: ticket.vendorId, messageId: message.id, visibility: input.visibility },
    });
    return { id: message.id, redacted: redacted.total, redactions: redacted.redactions };
  });
}

export type ResolutionInput = { resolution: Resolution; version?: string; date?: string; note?: string; reassignToProductId?: number };

/** The vendor's resolution: fixed, planned, not reproducible, needs information, or cause in another vendor's product. */
export function resolveTicket(user: SessionUser, id: number, input: ResolutionInput) {
  const masked = input.note ? redactPatientIdentifiers(input.note) : null;
  const note = masked?.text ?? "";
  const redactions = masked?.redactions ?? [];
  return getDb().transaction((tx) => {
    const ticket = requireTicket(tx, user, id);
    requireOpenForVendor(user, ticket);
    const subject = { type: "ticket" as const, id };
    const now = nowIso();
    let reassignedTo: number | null = null;
    const text = (() => {
      switch (input.resolution) {
        case "fixed":
          return `Corrigé dans la version ${input.version}.`;
        case "planned":
          return `Correction planifiée${input.version ? ` dans la version ${input.version}` : ""}${input.date ? ` pour le ${formatDay(input.date)}` : ""}.`;
        case "not_reproducible":
          return "L'éditeur n'a pas pu reproduire le problème.";
        case "needs_info":
          return "L'éditeur a besoin d'informations complémentaires.";
        case "other_product":
          return "Selon l'éditeur, la cause se trouve dans un autre logiciel.";
      }
    })();
    addMessage(tx, id, user.id, "resolution", "public", note ? `${text} ${note}` : text);
    if (input.resolution === "other_product") {
      const target = tx.select({ id: products.id, vendorId: products.vendorId, name: products.name }).from(products).where(and(eq(products.id, input.reassignToProductId!), isNull(products.retiredAt))).get();
      if (!target) throw new HttpError(422, "Logiciel inconnu.", { reassignToProductId: ["Ce logiciel ne figure pas dans le catalogue."] });
      if (target.vendorId === ticket.vendorId) {
        throw new HttpError(422, "Le logiciel doit être celui d'un autre éditeur.", { reassignToProductId: ["Choisissez le logiciel d'un autre éditeur."] });
      }
      reassignedTo = openTicket(tx, { irritantId: ticket.irritantId, productId: target.id, actorId: user.id, reassignedFromId: id }).id;
      markResponded(tx, user, ticket, { status: "closed", closedAt: now, resolution: "other_product" });
      recordEvent(tx, { type: "ticket.reassigned", actorId: user.id, subject, payload: { irritantId: ticket.irritantId, toTicketId: reassignedTo, toProductId: target.id, reason: note } });
      return { status: "closed" as const, reassignedTo, redactions };
    }
    const status: TicketStatus =
      input.resolution === "fixed" || input.resolution === "not_reproducible" ? "resolved" : input.resolution === "needs_info" ? "needs_info" : "answered";
    markResponded(tx, user, ticket, {
      status,
      resolution: input.resolution,
      resolutionVersion: input.version ?? null,
      resolutionDate: input.date ?? null,
      resolvedAt: status === "resolved" ? now : null,
    });
    recordEvent(tx, {
      type: "ticket.resolution_set",
      actorId: user.id,
      subject,
      payload: { irritantId: ticket.irritantId, vendorId: ticket.vendorId, resolution: input.resolution, version: input.version ?? null },
    });
    // The irritant is resolved once none of its tickets is still open.
    if (input.resolution === "fixed" && !hasOpenTicket(tx, ticket.irritantId)) followTicketOutcome(tx, ticket.irritantId, "resolved", user.id);
    return { status, reassignedTo, redactions };
  });
}
