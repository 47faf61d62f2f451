import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./accounts";
import { events } from "./events";

/** In-app notifications, one per person and event at most (the worker may run again after a crash). */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    text: text("text").notNull(),
    url: text("url").notNull(),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    readAt: text("read_at"),
  },
  (t) => [uniqueIndex("notifications_user_event_idx").on(t.userId, t.eventId), index("notifications_user_unread_idx").on(t.userId, t.readAt, t.id)],
);

/** Where each reader of the events log stopped: it resumes there after a restart. */
export const eventCursors = sqliteTable("event_cursors", {
  name: text("name").primaryKey(),
  lastEventId: integer("last_event_id").notNull().default(0),
});

/** E-mails to send, queued by the delivery worker in the same transaction as the notification. */
export const outboxEmails = sqliteTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: integer("event_id")
      .notNull()
      .references(() => events.id),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    // pending → sent (SMTP), kept (no SMTP_URL: dev mailbox), or failed after the last retry.
    status: text("status", { enum: ["pending", "sent", "kept", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [uniqueIndex("outbox_emails_user_event_idx").on(t.userId, t.eventId), index("outbox_emails_pending_idx").on(t.status, t.nextAttemptAt)],
);
