import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { FIX_ANSWERS, RESOLUTIONS, TICKET_STATUSES } from "../vocabularies/tickets";
import { organisations, users } from "./accounts";
import { irritants } from "./irritants";
import { products } from "./vendors";

/** A ticket: one irritant routed to one vendor about one of its products. */
export const tickets = sqliteTable(
  "tickets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    irritantId: integer("irritant_id")
      .notNull()
      .references(() => irritants.id),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id),
    // Denormalised from the product so that every vendor query filters on one indexed column.
    vendorId: integer("vendor_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status", { enum: TICKET_STATUSES }).notNull().default("open"),
    resolution: text("resolution", { enum: RESOLUTIONS }),
    resolutionVersion: text("resolution_version"),
    resolutionDate: text("resolution_date"),
    openedAt: text("opened_at").notNull(),
    firstResponseAt: text("first_response_at"),
    firstResponseDue: text("first_response_due").notNull(),
    resolutionDue: text("resolution_due").notNull(),
    resolvedAt: text("resolved_at"),
    closedAt: text("closed_at"),
    reopenCount: integer("reopen_count").notNull().default(0),
    reassignedFromId: integer("reassigned_from_id"),
  },
  (t) => [
    uniqueIndex("tickets_irritant_product_idx").on(t.irritantId, t.productId),
    index("tickets_vendor_idx").on(t.vendorId, t.status, t.id),
    // A vendor's newest tickets without sorting them all (its inbox, unfiltered; issue 21).
    index("tickets_vendor_newest_idx").on(t.vendorId, t.id),
    index("tickets_irritant_idx").on(t.irritantId),
    // Unanswered tickets by due date: the scorecards count those already late (issue 21).
    index("tickets_unanswered_idx").on(t.vendorId, t.firstResponseDue, t.resolution).where(sql`first_response_at is null`),
  ],
);

export const ticketMessages = sqliteTable(
  "ticket_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => users.id),
    // public: the reporter, supporters and (once published) everyone; internal: vendor and team only.
    visibility: text("visibility", { enum: ["public", "internal"] }).notNull(),
    kind: text("kind", { enum: ["reply", "acknowledgement", "resolution", "reassignment", "system"] }).notNull(),
    body: text("body").notNull(),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("ticket_messages_ticket_idx").on(t.ticketId, t.id)],
);

/** "Est-ce corrigé pour vous ?": one answer per person and ticket, the latest kept. */
export const fixConfirmations = sqliteTable(
  "fix_confirmations",
  {
    ticketId: integer("ticket_id")
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    answer: text("answer", { enum: FIX_ANSWERS }).notNull(),
    // The resolution round answered: a reopened ticket asks again.
    round: integer("round").notNull().default(0),
    answeredAt: text("answered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.ticketId, t.userId, t.round] })],
);

/**
 * Vendors' scorecard tallies (issue 21), kept in the transactions that change a ticket or its fix confirmations: per
 * vendor and working days to the first response (-1: not answered yet), over the tickets that count (not passed on
 * to another product), how many tickets, resolved ones, claimed fixes with a verdict, and confirmed ones.
 */
export const ticketScorecardCells = sqliteTable(
  "ticket_scorecard_cells",
  {
    vendorId: integer("vendor_id").notNull(),
    firstResponseDays: integer("first_response_days").notNull(),
    tickets: integer("tickets").notNull().default(0),
    resolved: integer("resolved").notNull().default(0),
    fixAnswered: integer("fix_answered").notNull().default(0),
    fixConfirmed: integer("fix_confirmed").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.vendorId, t.firstResponseDays] })],
);

/** The newest ticket the scorecard tallies have seen: tickets inserted by another path (seeds) make them rebuilt. */
export const ticketScorecardState = sqliteTable("ticket_scorecard_state", {
  id: integer("id").primaryKey(),
  maxTicketId: integer("max_ticket_id").notNull(),
});

/**
 * Unanswered tickets that count in their vendor's scorecard (not passed on to another product), per vendor and first
 * response due date, kept by triggers on `tickets` (migration 0040): the scorecards' "late unanswered" count reads one
 * row per vendor and due date instead of every unanswered ticket (issue 21, 155,000 of them at 3,000,000 irritants).
 */
export const ticketUnansweredDue = sqliteTable(
  "ticket_unanswered_due",
  {
    vendorId: integer("vendor_id").notNull(),
    due: text("due").notNull(),
    tickets: integer("tickets").notNull(),
  },
  // By due date (issue 21): the unanswered tickets not yet late are a short range at the end (due today or later),
  // however many days the programme has run; "late" is the vendor's unanswered total minus that range.
  (t) => [primaryKey({ columns: [t.vendorId, t.due] }), index("ticket_unanswered_due_due_idx").on(t.due, t.vendorId, t.tickets)],
);
