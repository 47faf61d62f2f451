import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { FIX_ANSWERS, PRODUCT_CATEGORIES, RESOLUTIONS, TICKET_STATUSES } from "../vocabularies/vendors";
import { organisations, users } from "./accounts";
import { irritants } from "./irritants";

export { PRODUCT_CATEGORIES, type ProductCategory } from "../vocabularies/vendors";

/** The software catalogue: each product belongs to one vendor organisation. */
export const products = sqliteTable(
  "products",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    vendorId: integer("vendor_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    category: text("category", { enum: PRODUCT_CATEGORIES }).notNull(),
    // Ségur wave the product is referenced for (1, 2), or null.
    segurWave: integer("segur_wave"),
    versions: text("versions", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    installedBase: integer("installed_base"),
    retiredAt: text("retired_at"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [index("products_vendor_idx").on(t.vendorId)],
);

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
    index("tickets_irritant_idx").on(t.irritantId),
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
