/** Tickets: who sees them, opening one, and reading them (lists, detail). The lifecycle is split by actor beside it. */
import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "#db/client";
import { fixConfirmations, irritants, organisations, products, supports, ticketMessages, tickets, users } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { can } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import { professionLabel } from "~/modules/accounts";
import { withFixAnnounced } from "~/modules/irritants/index.server";
import { originNote } from "~/modules/irritants";
import { getSettings } from "~/modules/settings/index.server";
import { OPEN_TICKET_STATUSES, type TicketStatus } from "./tickets";
import { addWorkingDays, isOverdue, workingDaysBetween } from "./working-days";
import { newestTicketId, tallyNewTicket } from "./scorecard-tallies.server";

export type Ticket = typeof tickets.$inferSelect;
export const nowIso = () => new Date().toISOString();

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

/** Opens the ticket of an irritant for a product's vendor (once per irritant and product), with its SLA due dates. */
export function openTicket(tx: Tx, input: { irritantId: number; productId: number; actorId: number | null; reassignedFromId?: number }) {
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
  const previousMaxId = newestTicketId(tx);
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
  tallyNewTicket(tx, ticket.id, previousMaxId);
  recordEvent(tx, {
    type: "ticket.opened",
    actorId: input.actorId,
    subject: { type: "ticket", id: ticket.id },
    payload: { irritantId: input.irritantId, productId: input.productId, vendorId: product.vendorId },
  });
  return ticket;
}

function overdueFlags(t: Pick<Ticket, "firstResponseAt" | "firstResponseDue" | "resolutionDue" | "status">, now = nowIso()) {
  const open = OPEN_TICKET_STATUSES.includes(t.status);
  const firstResponseOverdue = !t.firstResponseAt && open && isOverdue(t.firstResponseDue, now);
  const resolutionOverdue = open && isOverdue(t.resolutionDue, now);
  return { firstResponseOverdue, resolutionOverdue, overdue: firstResponseOverdue || resolutionOverdue };
}

const PAGE_SIZE = 50;

/** `pageSize`: 50 unless the page asks for fewer (the team's list shows 30, as the triage queue does). */
export function listTickets(
  user: SessionUser,
  filters: { status?: TicketStatus; productId?: number; vendorId?: number; irritantId?: number; overdue?: boolean; cursor?: number } = {},
  { pageSize = PAGE_SIZE }: { pageSize?: number } = {},
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
    .limit(pageSize + 1)
    .all();
  const page = rows.slice(0, pageSize);
  return {
    items: page.map((t) => ({ ...t, ...overdueFlags(t) })),
    nextCursor: rows.length > pageSize ? page[page.length - 1].id : undefined,
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
    irritant: { id: irritant.id, title: irritant.title, body: irritant.body, ...withFixAnnounced([{ status: irritant.status, fixAnnouncedAt: irritant.fixAnnouncedAt }])[0], productVersion: irritant.productVersion, supportCount: irritant.supportCount, patientSupportCount: irritant.patientSupportCount, severity: irritant.severity, origin: originNote(irritant) },
    product,
    vendorName: vendor.name,
    breakdown,
    messages,
    fixAnswers: answers,
    elapsedWorkingDays: workingDaysBetween(ticket.openedAt, ticket.firstResponseAt ?? nowIso()),
  };
}

export function addMessage(tx: Tx, ticketId: number, authorId: number | null, kind: (typeof ticketMessages.$inferInsert)["kind"], visibility: "public" | "internal", body: string) {
  return tx.insert(ticketMessages).values({ ticketId, authorId, kind, visibility, body }).returning({ id: ticketMessages.id }).get();
}

export function hasOpenTicket(tx: Tx, irritantId: number) {
  return !!tx.select({ id: tickets.id }).from(tickets).where(and(eq(tickets.irritantId, irritantId), inArray(tickets.status, [...OPEN_TICKET_STATUSES]))).get();
}

export function fixAnswerCounts(tx: DbOrTx, ticket: Pick<Ticket, "id" | "reopenCount">) {
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
