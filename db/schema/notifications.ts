import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
  (t) => [
    uniqueIndex("notifications_user_event_idx").on(t.userId, t.eventId),
    index("notifications_user_unread_idx").on(t.userId, t.readAt, t.id),
    // Deleting an event (retention) checks the rows that reference it: without this index, a scan per event deleted.
    index("notifications_event_idx").on(t.eventId),
    // Erasing an irritant's text (retention) finds the notifications linking to its page by a range of this index.
    index("notifications_url_idx").on(t.url),
  ],
);

/** Where each reader of the events log stopped: it resumes there after a restart. */
export const eventCursors = sqliteTable("event_cursors", {
  name: text("name").primaryKey(),
  lastEventId: integer("last_event_id").notNull().default(0),
});

/** E-mails to send, queued in the transaction that decides them (the outbox of outgoing mail). */
export const outboxEmails = sqliteTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // Null for people without an account (seminar guests).
    userId: integer("user_id").references(() => users.id, { onDelete: "cascade" }),
    eventId: integer("event_id").references(() => events.id),
    // A notification kind (see preferences), "account" or "digest".
    kind: text("kind").notNull().default("notification"),
    // One e-mail per key, ever: "event:<event>:user:<user>", "digest:<user>:<day>", "account:<token>"…
    dedupeKey: text("dedupe_key").notNull().unique(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    // pending → sending (claimed just before SMTP) → sent, or back to pending with backoff, or failed after the last
    // retry; kept when there is no SMTP_URL (dev mailbox); held → digested for people who chose the daily digest.
    status: text("status", { enum: ["pending", "sending", "sent", "kept", "failed", "held", "digested"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    lastError: text("last_error"),
    sentAt: text("sent_at"),
    // A held e-mail gathered into a daily digest: that digest. Masking a passage finds the digests quoting it through
    // the e-mails of the passage's events, as it finds those e-mails themselves.
    digestId: integer("digest_id"),
    createdAt: text("created_at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    index("outbox_emails_pending_idx").on(t.status, t.nextAttemptAt),
    index("outbox_emails_user_status_idx").on(t.userId, t.status),
    index("outbox_emails_event_idx").on(t.eventId),
    index("outbox_emails_digest_idx").on(t.digestId),
  ],
);

/** Per person and kind of notification: e-mail immediately, in a daily digest, or not at all (default: immediately). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode", { enum: ["immediate", "digest", "none"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** Who follows what (irritants, actions, themes): the audiences notifications are delivered to. */
export const follows = sqliteTable(
  "follows",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subjectType: text("subject_type", { enum: ["irritant", "action", "theme"] }).notNull(),
    subjectId: integer("subject_id").notNull(),
    createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.userId, t.subjectType, t.subjectId] }), index("follows_subject_idx").on(t.subjectType, t.subjectId)],
);

/**
 * Which irritants' pages each queued e-mail links to, written with the e-mail (`insertOutboxEmail`): erasing an
 * irritant's text (retention) finds the e-mails citing it here, instead of reading every e-mail ever sent.
 */
export const outboxMentions = sqliteTable(
  "outbox_mentions",
  {
    irritantId: integer("irritant_id").notNull(),
    outboxId: integer("outbox_id")
      .notNull()
      .references(() => outboxEmails.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.irritantId, t.outboxId] }), index("outbox_mentions_outbox_idx").on(t.outboxId)],
);
