import { and, asc, desc, eq, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Tx } from "#db/client";
import { outboxEmails, outboxMentions } from "#db/schema";
import { getEnv } from "~/lib/env.server";
import { linkedIrritantIds, renderEmail } from "~/lib/email-template";

/**
 * The e-mail outbox: e-mails are queued in the transaction that decides them, then sent by the worker (SMTP_URL) or
 * kept in the dev mailbox. Infrastructure shared by accounts, seminars and notifications (which adds its digests).
 */
export const MAX_ATTEMPTS = 5;

export const publicBaseUrl = () => getEnv().PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${getEnv().PORT}`;

/**
 * The one way an e-mail enters the outbox: the row, and the irritants' pages it links to (`outbox_mentions`), so that
 * erasing an irritant's text finds the e-mails citing it by index. `ignoreDuplicate`: an e-mail whose dedupe key was
 * already queued is skipped (the worker may run again after a crash). Returns the new row's id, or null when skipped.
 */
export function insertOutboxEmail(tx: Tx, values: typeof outboxEmails.$inferInsert, { ignoreDuplicate = true } = {}) {
  const insert = tx.insert(outboxEmails).values(values);
  const row = (ignoreDuplicate ? insert.onConflictDoNothing() : insert).returning({ id: outboxEmails.id }).get();
  if (!row) return null;
  const mentioned = linkedIrritantIds(values.text, values.html);
  if (mentioned.length) tx.insert(outboxMentions).values(mentioned.map((irritantId) => ({ irritantId, outboxId: row.id }))).run();
  return row.id;
}

/**
 * Queues an account e-mail (address confirmation, password reset) in the transaction that creates its token.
 * These go out whatever the notification choices are.
 */
export function queueAccountEmail(tx: Tx, input: { userId: number | null; to: string; dedupeKey: string; subject: string; paragraphs: string[]; link: { href: string; label: string }; reason: string }) {
  const { text, html } = renderEmail({ paragraphs: input.paragraphs, link: input.link, reason: input.reason });
  insertOutboxEmail(tx, { userId: input.userId, kind: "account", dedupeKey: `account:${input.dedupeKey}`, to: input.to, subject: `Sentinelle — ${input.subject}`, text, html });
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

/** How long a claimed e-mail may stay "sending" before it is taken as interrupted by a crash. */
const SENDING_TIMEOUT_MS = 10 * 60_000;

/**
 * An e-mail claimed for sending and never marked done was interrupted (the process died during the SMTP exchange):
 * the server may have accepted it, so it is never sent again; it is marked failed, visibly, instead.
 */
export function failInterruptedSends(now = new Date()) {
  return getDb()
    .update(outboxEmails)
    .set({ status: "failed", lastError: "Envoi interrompu (arrêt du serveur pendant l'envoi) : non renvoyé, pour ne pas risquer un doublon." })
    .where(and(eq(outboxEmails.status, "sending"), lte(outboxEmails.nextAttemptAt, new Date(now.getTime() - SENDING_TIMEOUT_MS).toISOString())))
    .run().changes;
}

/**
 * Sends the e-mails that are due. Each is claimed ("sending") before the SMTP exchange, so no process sends it twice.
 * A refusal is retried with exponential backoff (1, 2, 4, 8 minutes) and given up after MAX_ATTEMPTS, visibly
 * (status "failed" with the error, on the dev mailbox page).
 */
export async function sendPendingEmails(limit = 20) {
  const db = getDb();
  const now = new Date();
  failInterruptedSends(now);
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
    const claimed = db
      .update(outboxEmails)
      .set({ status: "sending", nextAttemptAt: new Date().toISOString() })
      .where(and(eq(outboxEmails.id, email.id), eq(outboxEmails.status, "pending")))
      .run().changes;
    if (!claimed) continue; // another sender took it
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

/**
 * A personal survey link shown to anyone but its recipient would let that person answer in their name, or open it
 * later to see whether it was used: the mailbox shows where it leads, never its token.
 */
const maskSurveyTokens = (text: string) => text.replace(/(\/enquetes\/[^\s?#]+\?(?:[^\s#]*&)?jeton=)[^\s&#]+/g, "$1[masqué]");

export function listMailbox(limit = 100) {
  return getDb()
    .select({ id: outboxEmails.id, to: outboxEmails.to, subject: outboxEmails.subject, text: outboxEmails.text, status: outboxEmails.status, attempts: outboxEmails.attempts, lastError: outboxEmails.lastError, createdAt: outboxEmails.createdAt })
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.id))
    .limit(limit)
    .all()
    .map((e) => ({ ...e, text: maskSurveyTokens(e.text) }));
}
