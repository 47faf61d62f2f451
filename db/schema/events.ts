import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";

/**
 * The transactional outbox: every state change writes one row here in the same
 * transaction. Audit log, notifications and the public timeline read from it.
 */
export const events = sqliteTable(
  "events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type").notNull(),
    actorId: integer("actor_id").references(() => users.id),
    subjectType: text("subject_type").notNull(),
    subjectId: integer("subject_id").notNull(),
    payload: text("payload", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("events_subject_idx").on(t.subjectType, t.subjectId),
    index("events_type_idx").on(t.type, t.createdAt),
    // "Resolved in the last 30 days" on the progress page, without reading every status change of the period.
    index("events_resolved_idx")
      .on(t.createdAt, t.subjectType, t.subjectId)
      .where(sql`type = 'irritant.status_changed' and json_extract(payload, '$.to') = 'resolved'`),
  ],
);
