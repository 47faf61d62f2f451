import { and, asc, desc, eq, lte } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { getDb, type Tx } from "#db/client";
import { outboxEmails } from "#db/schema";
import { getEnv } from "~/lib/env.server";
import { renderEmail } from "~/lib/email-template";

/**
 * The e-mail outbox: e-mails are queued in the transaction that decides them, then sent by the worker (SMTP_URL) or
 * kept in the dev mailbox. Infrastructure shared by accounts, seminars and notifications (which adds its digests).
 */
export const MAX_ATTEMPTS = 5;

export const publicBaseUrl = () => getEnv().PUBLIC_URL?.replace(/\/$/, "") ?? `http://localhost:${getEnv().PORT}`;

/**
 * Queues an account e-mail (address confirmation, password reset) in the transaction that creates its token.
 * These go out whatever the notification choices are.
 */
export function queueAccountEmail(tx: Tx, input: { userId: number | null; to: string; dedupeKey: string; subject: string; paragraphs: string[]; link: { href: string; label: string }; reason: string }) {
  const { text, html } = renderEmail({ paragraphs: input.paragraphs, link: input.link, reason: input.reason });
  tx.insert(outboxEmails)
    .values({ userId: input.userId, kind: "account", dedupeKey: `account:${input.dedupeKey}`, to: input.to, subject: `Sentinelle — ${input.subject}`, text, html })
    .onConflictDoNothing()
    .run();
}

