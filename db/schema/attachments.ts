import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { ATTACHMENT_OWNER_KINDS, ATTACHMENT_STATUSES } from "../vocabularies/attachments";
import { users } from "./accounts";
import { irritants } from "./irritants";
import { tickets } from "./tickets";

/**
 * A screenshot or document attached to an irritant, a comment or a ticket reply. The file itself lives beside the
 * database (`attachments/<sha256>.png`), cleaned and masked; until the worker has analysed it, the cleaned but
 * unmasked image waits in `attachments/pending/<id>.png`, which no route serves.
 */
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerKind: text("owner_kind", { enum: ATTACHMENT_OWNER_KINDS }).notNull(),
    ownerId: integer("owner_id").notNull(),
    // The irritant every owner belongs to, and the ticket of a ticket reply: permissions follow them.
    irritantId: integer("irritant_id")
      .notNull()
      .references(() => irritants.id, { onDelete: "cascade" }),
    ticketId: integer("ticket_id").references(() => tickets.id, { onDelete: "cascade" }),
    uploaderId: integer("uploader_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ATTACHMENT_STATUSES }).notNull().default("analysing"),
    maskedCount: integer("masked_count").notNull().default(0),
    sha256: text("sha256"),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    pages: integer("pages").notNull().default(1),
    approvedById: integer("approved_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("attachments_owner_idx").on(t.ownerKind, t.ownerId),
    index("attachments_irritant_idx").on(t.irritantId),
    index("attachments_status_idx").on(t.status, t.id),
    index("attachments_uploader_idx").on(t.uploaderId),
  ],
);
