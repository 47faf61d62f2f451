import { and, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { Tx } from "#db/client";
import { events, notifications, outboxEmails } from "#db/schema";
import { PASSAGE_PLACEHOLDER, replaceAll, replaceCutTail, replaceInJson } from "~/lib/text/passage";
import { escapeHtml } from "~/lib/email-template";

export type ScrubSubject = { type: string; id: number };

/**
 * Erases copies of a masked passage outside the text it was in, in the caller's transaction: the payloads of the
 * events about the given subjects, the in-app notifications and e-mails those events produced, and the daily
 * digests that gathered those e-mails (`digest_id`). Only exact copies exist: notifications and e-mails
 * quote titles as they were written.
 */
export function scrubPassageCopies(tx: Tx, subjects: ScrubSubject[], matches: readonly string[], placeholder = PASSAGE_PLACEHOLDER) {
  if (!matches.length || !subjects.length) return { events: 0, notifications: 0, emails: 0 };
  const bySubject = or(...subjects.map((s) => and(eq(events.subjectType, s.type), eq(events.subjectId, s.id))))!;
  const rows = tx.select({ id: events.id, payload: events.payload }).from(events).where(bySubject).all();
  let eventsChanged = 0;
  for (const row of rows) {
    const next = replaceInJson(row.payload, matches, placeholder);
    if (next === row.payload) continue;
    tx.update(events).set({ payload: next }).where(eq(events.id, row.id)).run();
    eventsChanged += 1;
  }
  const eventIds = rows.map((r) => r.id);
  let notificationsChanged = 0;
  let emailsChanged = 0;
  const contains = (column: SQLiteColumn, needles: string[]) => or(...needles.map((m) => sql`instr(${column}, ${m}) > 0`))!;
  const htmlMatches = [...new Set([...matches, ...matches.map(escapeHtml)])];
  // Event ids are read in chunks: SQLite limits the number of bound parameters.
  for (let i = 0; i < eventIds.length; i += 500) {
    const chunk = eventIds.slice(i, i + 500);
    for (const n of tx.select({ id: notifications.id, text: notifications.text }).from(notifications).where(and(inArray(notifications.eventId, chunk), contains(notifications.text, [...matches]))).all()) {
      tx.update(notifications).set({ text: replaceAll(n.text, matches, placeholder) }).where(eq(notifications.id, n.id)).run();
      notificationsChanged += 1;
    }
    emailsChanged += scrubEmails(tx, inArray(outboxEmails.eventId, chunk), matches, htmlMatches);
    // The digests that gathered those e-mails, found through them rather than by reading every digest ever sent.
    const gathered = tx.selectDistinct({ id: outboxEmails.digestId }).from(outboxEmails).where(and(inArray(outboxEmails.eventId, chunk), isNotNull(outboxEmails.digestId)));
    emailsChanged += scrubEmails(tx, inArray(outboxEmails.id, gathered), matches, htmlMatches);
  }
  return { events: eventsChanged, notifications: notificationsChanged, emails: emailsChanged };

  function scrubEmails(t: Tx, where: ReturnType<typeof and>, plain: readonly string[], html: string[]) {
    const found = t
      .select({ id: outboxEmails.id, subject: outboxEmails.subject, text: outboxEmails.text, html: outboxEmails.html })
      .from(outboxEmails)
      .where(and(where, or(contains(outboxEmails.subject, [...plain]), contains(outboxEmails.text, [...plain]), contains(outboxEmails.html, html))))
      .all();
    for (const m of found) {
      t.update(outboxEmails)
        .set({ subject: replaceCutTail(replaceAll(m.subject, plain, placeholder), plain, placeholder), text: replaceAll(m.text, plain, placeholder), html: replaceAll(m.html, html, escapeHtml(placeholder)) })
        .where(eq(outboxEmails.id, m.id))
        .run();
    }
    return found.length;
  }
}
