import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "#db/client";
import { fixConfirmations, irritants, organisations, products, supports, ticketMessages, tickets, users } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { professionLabel } from "~/modules/accounts/professions";
import { redactPatientIdentifiers } from "~/lib/text/redaction";
import { followTicketOutcome } from "~/modules/irritants/triage.server";
import { getSettings } from "~/modules/settings/settings.server";
import { OPEN_TICKET_STATUSES, type FixAnswer, type Resolution, type TicketStatus } from "./tickets";
import { recordFirstResponse } from "./response-times.server";
import { addWorkingDays, isOverdue, workingDaysBetween } from "./working-days";

type Ticket = typeof tickets.$inferSelect;
const nowIso = () => new Date().toISOString();

/** Who may see a ticket: the team, and the members of the ticket's vendor. Nobody else learns it exists. */
function canSeeTicket(user: SessionUser, ticket: Pick<Ticket, "vendorId">) {
  return can(user, "ticket:read-all") || (can(user, "ticket:respond") && user.organisationId === ticket.vendorId);
}

function ticketScope(user: SessionUser): SQL | undefined {
  if (can(user, "ticket:read-all")) return undefined;
  if (can(user, "ticket:respond") && user.organisationId) return eq(tickets.vendorId, user.organisationId);
  throw new HttpError(403, "Les tickets sont réservés aux éditeurs et à l'équipe programme.");
}

export function requireTicket(tx: DbOrTx, user: SessionUser, id: number): Ticket {
  const ticket = tx.select().from(tickets).where(eq(tickets.id, id)).get();
  // Another vendor's ticket answers exactly like a missing one.
  if (!ticket || !canSeeTicket(user, ticket)) throw new HttpError(404, "Ce ticket n'existe pas.");
  return ticket;
}

/** Opens the ticket of an irritant for a product's vendor (once per irritant and product), with its SLA due dates. */
function openTicket(tx: Tx, input: { irritantId: number; productId: number; actorId: number | null; reassignedFromId?: number }) {
  const existing = tx
    .select()
    .from(tickets)
    .where(and(eq(tickets.irritantId, input.irritantId), eq(tickets.productId, input.productId)))
    .get();
  if (existing) return existing;
  const product = tx.select({ vendorId: products.vendorId }).from(products).where(eq(products.id, input.productId)).get();
  if (!product) throw new HttpError(422, "Logiciel inconnu.", { productId: ["Ce logiciel ne figure pas dans le catalogue."] });
  const settings = getSettings(tx);
  const openedAt = nowIso();
  const ticket = tx
    .insert(tickets)
    .values({
      irritantId: input.irritantId,
      productId: input.productId,
      vendorId: product.vendorId,
      openedAt,
      firstResponseDue: addWorkingDays(openedAt, settings.slaFirstResponseDays),
      resolutionDue: addWorkingDays(openedAt, settings.slaResolutionDays),
      reassignedFromId: input.reassignedFromId ?? null,
    })
    .returning()
    .get();
  recordEvent(tx, {
    type: "ticket.opened",
    actorId: input.actorId,
    subject: { type: "ticket", id: ticket.id },
    payload: { irritantId: input.irritantId, productId: input.productId, vendorId: product.vendorId },
  });
  return ticket;
}

/** When the team forwards an irritant that names a product, its vendor gets a ticket. */
export function openTicketsForForwardedIrritant(tx: Tx, irritantId: number, actorId: number) {
  const irritant = tx.select({ productId: irritants.productId }).from(irritants).where(eq(irritants.id, irritantId)).get();
  if (irritant?.productId) openTicket(tx, { irritantId, productId: irritant.productId, actorId });
}

function overdueFlags(t: Pick<Ticket, "firstResponseAt" | "firstResponseDue" | "resolutionDue" | "status">, now = nowIso()) {
  const open = OPEN_TICKET_STATUSES.includes(t.status);
  const firstResponseOverdue = !t.firstResponseAt && open && isOverdue(t.firstResponseDue, now);
  const resolutionOverdue = open && isOverdue(t.resolutionDue, now);
  return { firstResponseOverdue, resolutionOverdue, overdue: firstResponseOverdue || resolutionOverdue };
}

const PAGE_SIZE = 50;

export function listTickets(
  user: SessionUser,
  filters: { status?: TicketStatus; productId?: number; vendorId?: number; irritantId?: number; overdue?: boolean; cursor?: number } = {},
) {
  const scope = ticketScope(user);
  const today = new Date().toISOString().slice(0, 10);
  const rows = getDb()
    .select({
      id: tickets.id,
      irritantId: tickets.irritantId,
      irritantTitle: irritants.title,
      supportCount: irritants.supportCount,
      productId: tickets.productId,
      productName: products.name,
      vendorId: tickets.vendorId,
      vendorName: organisations.name,
      status: tickets.status,
      resolution: tickets.resolution,
      resolutionVersion: tickets.resolutionVersion,
      openedAt: tickets.openedAt,
      firstResponseAt: tickets.firstResponseAt,
      firstResponseDue: tickets.firstResponseDue,
      resolutionDue: tickets.resolutionDue,
    })
    .from(tickets)
    .innerJoin(irritants, eq(irritants.id, tickets.irritantId))
    .innerJoin(products, eq(products.id, tickets.productId))
    .innerJoin(organisations, eq(organisations.id, tickets.vendorId))
    .where(
      and(
        scope,
        filters.status ? eq(tickets.status, filters.status) : undefined,
        filters.productId ? eq(tickets.productId, filters.productId) : undefined,
        filters.vendorId ? eq(tickets.vendorId, filters.vendorId) : undefined,
        filters.irritantId ? eq(tickets.irritantId, filters.irritantId) : undefined,
        filters.overdue
          ? and(
              inArray(tickets.status, [...OPEN_TICKET_STATUSES]),
              or(and(isNull(tickets.firstResponseAt), lt(tickets.firstResponseDue, today)), lt(tickets.resolutionDue, today)),
            )
          : undefined,
        filters.cursor ? lt(tickets.id, filters.cursor) : undefined,
      ),
    )
    .orderBy(desc(tickets.id))
    .limit(PAGE_SIZE + 1)
    .all();
  const page = rows.slice(0, PAGE_SIZE);
  return {
    items: page.map((t) => ({ ...t, ...overdueFlags(t) })),
    nextCursor: rows.length > PAGE_SIZE ? page[page.length - 1].id : undefined,
  };
}

export function getTicketDetail(user: SessionUser, id: number) {
  const db = getDb();
  const ticket = requireTicket(db, user, id);
  const irritant = db.select().from(irritants).where(eq(irritants.id, ticket.irritantId)).get()!;
  const product = db.select({ name: products.name, versions: products.versions }).from(products).where(eq(products.id, ticket.productId)).get()!;
  const vendor = db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, ticket.vendorId)).get()!;
  const breakdown = db
    .select({ lane: supports.lane, profession: supports.profession, version: supports.productVersion, productId: supports.productId, n: sql<number>`count(*)` })
    .from(supports)
    .where(eq(supports.irritantId, ticket.irritantId))
    .groupBy(supports.lane, supports.profession, supports.productId, supports.productVersion)
    .all()
    .map((r) => ({
      who: r.lane === "patient" ? "Patients" : (professionLabel(r.profession) ?? "Profession non précisée"),
      version: r.productId === ticket.productId ? (r.version ?? "version non précisée") : "autre logiciel ou non précisé",
      count: r.n,
    }))
    .sort((a, b) => b.count - a.count);
  const messages = db
    .select({
      id: ticketMessages.id,
      kind: ticketMessages.kind,
      visibility: ticketMessages.visibility,
      body: ticketMessages.body,
      createdAt: ticketMessages.createdAt,
      authorName: users.displayName,
      authorRole: users.role,
    })
    .from(ticketMessages)
    .leftJoin(users, eq(users.id, ticketMessages.authorId))
    .where(eq(ticketMessages.ticketId, id))
    .orderBy(asc(ticketMessages.id))
    .all();
  const answers = fixAnswerCounts(db, ticket);
  return {
    ticket: { ...ticket, ...overdueFlags(ticket) },
    irritant: { id: irritant.id, title: irritant.title, body: irritant.body, status: irritant.status, productVersion: irritant.productVersion, supportCount: irritant.supportCount, patientSupportCount: irritant.patientSupportCount, severity: irritant.severity },
    product,
    vendorName: vendor.name,
    breakdown,
    messages,
    fixAnswers: answers,
    elapsedWorkingDays: workingDaysBetween(ticket.openedAt, ticket.firstResponseAt ?? nowIso()),
  };
}

function addMessage(tx: Tx, ticketId: number, authorId: number | null, kind: (typeof ticketMessages.$inferInsert)["kind"], visibility: "public" | "internal", body: string) {
  return tx.insert(ticketMessages).values({ ticketId, authorId, kind, visibility, body }).returning({ id: ticketMessages.id }).get();
}

/** The vendor's first word of any kind starts... and stops the first-response clock. */
function markResponded(tx: Tx, user: SessionUser, ticket: Ticket, patch: Partial<Ticket> = {}) {
  const first = can(user, "ticket:respond") && !ticket.firstResponseAt;
  const firstResponseAt = first ? nowIso() : ticket.firstResponseAt;
  tx.update(tickets).set({ ...patch, firstResponseAt }).where(eq(tickets.id, ticket.id)).run();
  if (first) recordFirstResponse(tx, ticket.openedAt, firstResponseAt!);
}

function requireOpenForVendor(user: SessionUser, ticket: Ticket) {
  if (ticket.status === "closed") throw new HttpError(409, "Ce ticket est clos.");
  if (!can(user, "ticket:respond") && !can(user, "ticket:manage")) throw new HttpError(403, "Action réservée à l'éditeur et à l'équipe.");
}

/**
 * Checks, before a form is even read, that the user may act on the ticket: "respond" (its vendor or the team) or
 * "manage" (the team). A ticket the user may not see is a 404, as everywhere.
 */
export function requireTicketAction(user: SessionUser, id: number, kind: "respond" | "manage") {
  const ticket = requireTicket(getDb(), user, id);
  if (kind === "manage" ? !can(user, "ticket:manage") : !can(user, "ticket:respond") && !can(user, "ticket:manage")) {
    throw new HttpError(403, kind === "manage" ? "Réservé à l'équipe programme." : "Action réservée à l'éditeur et à l'équipe.");
  }
  return ticket;
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
          return `Correction planifiée${input.version ? ` dans la version ${input.version}` : ""}${input.date ? ` pour le ${input.date}` : ""}.`;
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

function hasOpenTicket(tx: Tx, irritantId: number) {
  return !!tx.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.irritantId, irritantId), inArray(tickets.status, [...OPEN_TICKET_STATUSES]))).get();
}

function fixAnswerCounts(tx: DbOrTx, ticket: Pick<Ticket, "id" | "reopenCount">) {
  const rows = tx
    .select({ answer: fixConfirmations.answer, n: count() })
    .from(fixConfirmations)
    .where(and(eq(fixConfirmations.ticketId, ticket.id), eq(fixConfirmations.round, ticket.reopenCount)))
    .groupBy(fixConfirmations.answer)
    .all();
  const counts = { yes: 0, no: 0, not_updated: 0 };
  for (const r of rows) counts[r.answer] = r.n;
  return counts;
}

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
    tx.insert(fixConfirmations)
      .values({ ticketId, userId: user.id, answer, round: ticket.reopenCount, answeredAt: nowIso() })
      .onConflictDoUpdate({ target: [fixConfirmations.ticketId, fixConfirmations.userId, fixConfirmations.round], set: { answer, answeredAt: nowIso() } })
      .run();
    recordEvent(tx, { type: "ticket.fix_answered", actorId: user.id, subject: { type: "ticket", id: ticketId }, payload: { irritantId: ticket.irritantId, answer } });
    const counts = fixAnswerCounts(tx, ticket);
    const threshold = getSettings(tx).fixDenialsToReopen;
    const reopen = counts.no >= threshold || (counts.no >= 2 && counts.no > counts.yes);
    if (reopen) {
      tx.update(tickets)
        .set({ status: "open", resolution: null, resolvedAt: null, reopenCount: ticket.reopenCount + 1 })
        .where(eq(tickets.id, ticketId))
        .run();
      addMessage(tx, ticketId, null, "system", "public", `Ticket rouvert : ${counts.no} personnes indiquent que le problème persiste après la correction.`);
      recordEvent(tx, { type: "ticket.reopened", actorId: null, subject: { type: "ticket", id: ticketId }, payload: { irritantId: ticket.irritantId, denials: counts.no } });
      followTicketOutcome(tx, ticket.irritantId, "in_progress", null);
    }
    return { counts, reopened: reopen };
  });
}

/** Team: send a ticket to another product (any vendor), or close it. */
export function reassignTicket(user: SessionUser, id: number, productId: number, reason: string) {
  if (!can(user, "ticket:manage")) throw new HttpError(403, "Réservé à l'équipe programme.");
  const masked = redactPatientIdentifiers(reason);
  return getDb().transaction((tx) => {
    const ticket = requireTicket(tx, user, id);
    if (ticket.productId === productId) throw new HttpError(422, "Le ticket concerne déjà ce logiciel.", { productId: ["Choisissez un autre logiciel."] });
    const next = openTicket(tx, { irritantId: ticket.irritantId, productId, actorId: user.id, reassignedFromId: id });
    tx.update(tickets).set({ status: "closed", closedAt: nowIso() }).where(eq(tickets.id, id)).run();
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
    tx.update(tickets).set({ status: "closed", closedAt: nowIso() }).where(eq(tickets.id, id)).run();
    recordEvent(tx, { type: "ticket.closed", actorId: user.id, subject: { type: "ticket", id }, payload: { irritantId: ticket.irritantId } });
  });
}

/** The team opens a ticket for another product of an irritant (e.g. the sending and the receiving software). */
export function openTicketByTeam(user: SessionUser, irritantId: number, productId: number) {
  if (!can(user, "ticket:manage")) throw new HttpError(403, "Réservé à l'équipe programme.");
  return getDb().transaction((tx) => {
    if (!tx.select({ id: irritants.id }).from(irritants).where(eq(irritants.id, irritantId)).get()) throw new HttpError(404, "Ce signalement n'existe pas.");
    return openTicket(tx, { irritantId, productId, actorId: user.id });
  });
}
