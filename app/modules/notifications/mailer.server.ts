import { and, asc, desc, eq, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Tx } from "#db/client";
import { outboxEmails, users } from "#db/schema";
import { getEnv } from "~/lib/env.server";

export const MAX_ATTEMPTS = 5;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Queues the e-mail of a notification, in the worker's transaction (at most one per person and event). */
export function queueEmail(tx: Tx, input: { userId: number; eventId: number; text: string; url: string }) {
  const user = tx.select({ email: users.email, name: users.displayName, disabledAt: users.disabledAt }).from(users).where(eq(users.id, input.userId)).get();
  if (!user || user.disabledAt) return;
  const base = getEnv().PUBLIC_URL ?? `http://localhost:${getEnv().PORT}`;
  const link = `${base}${input.url}`;
  const subject = `Sentinelle — ${input.text.length > 90 ? `${input.text.slice(0, 89)}…` : input.text}`;
  const text = `Bonjour,\n\n${input.text}\n\nPour voir le détail : ${link}\n\nVous recevez ce message parce que vous suivez ce sujet sur Sentinelle. Vous pouvez ne plus le suivre depuis sa page.\n`;
  const html = `<p>Bonjour,</p><p>${escapeHtml(input.text)}</p><p><a href="${escapeHtml(link)}">Voir le détail sur Sentinelle</a></p><p style="color:#666">Vous recevez ce message parce que vous suivez ce sujet sur Sentinelle. Vous pouvez ne plus le suivre depuis sa page.</p>`;
  tx.insert(outboxEmails).values({ userId: input.userId, eventId: input.eventId, dedupeKey: `event:${input.eventId}:user:${input.userId}`, to: user.email, subject, text, html }).onConflictDoNothing().run();
}

let transporter: Transporter | null | undefined;
/** The SMTP transport of SMTP_URL, or null: then e-mails are kept in the dev mailbox for admins. */
function transport(): Transporter | null {
  if (transporter !== undefined) return transporter;
  const url = getEnv().SMTP_URL;
  transporter = url ? nodemailer.createTransport(url) : null;
  return transporter;
}
export function resetMailerForTests() {
  transporter = undefined;
}

/**
 * Sends the e-mails that are due. A failure is retried with exponential backoff (1, 2, 4, 8 minutes) and given up
 * after MAX_ATTEMPTS, visibly (status "failed" with the error, on the dev mailbox page).
 */
export async function sendPendingEmails(limit = 20) {
  const db = getDb();
  const now = new Date();
  const due = db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.status, "pending"), lte(outboxEmails.nextAttemptAt, now.toISOString())))
    .orderBy(asc(outboxEmails.id))
    .limit(limit)
    .all();
  const smtp = transport();
  const from = getEnv().MAIL_FROM;
  let sent = 0;
  for (const email of due) {
    if (!smtp) {
      db.update(outboxEmails).set({ status: "kept", sentAt: now.toISOString() }).where(eq(outboxEmails.id, email.id)).run();
      continue;
    }
    try {
      await smtp.sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html });
      db.update(outboxEmails).set({ status: "sent", sentAt: new Date().toISOString(), attempts: email.attempts + 1 }).where(eq(outboxEmails.id, email.id)).run();
      sent++;
    } catch (error) {
      const attempts = email.attempts + 1;
      const next = new Date(Date.now() + 60_000 * 2 ** (attempts - 1)).toISOString();
      db.update(outboxEmails)
        .set({ attempts, status: attempts >= MAX_ATTEMPTS ? "failed" : "pending", nextAttemptAt: next, lastError: String((error as Error).message).slice(0, 500) })
        .where(eq(outboxEmails.id, email.id))
        .run();
    }
  }
  return { due: due.length, sent };
}

export function listMailbox(limit = 100) {
  return getDb()
    .select({ id: outboxEmails.id, to: outboxEmails.to, subject: outboxEmails.subject, text: outboxEmails.text, status: outboxEmails.status, attempts: outboxEmails.attempts, lastError: outboxEmails.lastError, createdAt: outboxEmails.createdAt })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.id))
    .limit(limit)
    .all();
}
