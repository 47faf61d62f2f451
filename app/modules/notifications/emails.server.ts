import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { notifications, outboxEmails, users } from "#db/schema";
import { getEnv } from "~/lib/env.server";
import { emailSubject, renderEmail } from "~/lib/email-template";
import { publicBaseUrl } from "~/lib/outbox.server";
import type { FollowSubjectType } from "./follows.server";
import { kindLabel, type NotificationKind } from "./kinds";
import { deliveryModeFor } from "./preferences.server";
import { unsubscribeToken } from "./unsubscribe.server";

const unsubscribeUrl = (token: string) => `${publicBaseUrl()}/desabonnement?jeton=${encodeURIComponent(token)}`;

/** The day in Paris, as the digest key and the digest's title. */
const parisDay = (d: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(d);
const parisHour = (d: Date) => Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", hour: "2-digit", hourCycle: "h23" }).format(d));

export type NotificationEmail = {
  userId: number;
  eventId: number;
  kind: NotificationKind;
  text: string;
  url: string;
  /** The followed subject that brought it, for a one-click unfollow link. */
  followed?: { type: FollowSubjectType; id: number };
};

/**
 * Queues the e-mail of a notification in the worker's transaction, following the person's choice for its kind:
 * immediately, held for the daily digest, or not at all. At most one per event and person, ever.
 */
export function queueNotificationEmail(tx: Tx, input: NotificationEmail) {
  const user = tx.select({ email: users.email, disabledAt: users.disabledAt, confirmedAt: users.emailConfirmedAt }).from(users).where(eq(users.id, input.userId)).get();
  // Until the address is confirmed it may be someone else's: the news stays in the app.
  if (!user || user.disabledAt || !user.confirmedAt) return;
  const mode = deliveryModeFor(tx, input.userId, input.kind);
  if (mode === "none") return;
  const stopLinks = [
    ...(input.followed
      ? [{ href: unsubscribeUrl(unsubscribeToken({ u: input.userId, s: input.followed.type, i: input.followed.id })), label: "Ne plus suivre ce sujet" }]
      : []),
    { href: unsubscribeUrl(unsubscribeToken({ u: input.userId, k: input.kind })), label: "Ne plus recevoir ce type d'e-mail" },
  ];
  const { text, html } = renderEmail({
    paragraphs: [input.text],
    link: { href: `${publicBaseUrl()}${input.url}`, label: "Voir le détail sur Sentinelle" },
    reason: `Vous recevez ce message au titre de : ${kindLabel(input.kind)}. Vos choix se règlent dans « Mon compte ».`,
    stopLinks,
  });
  tx.insert(outboxEmails)
    .values({
      userId: input.userId,
      eventId: input.eventId,
      kind: input.kind,
      dedupeKey: `event:${input.eventId}:user:${input.userId}`,
      to: user.email,
      subject: emailSubject(input.text),
      text,
      html,
      status: mode === "digest" ? "held" : "pending",
    })
    .onConflictDoNothing()
    .run();
}

/**
 * Gathers each person's held e-mails into one daily digest, after DIGEST_HOUR in Paris. One digest per person and
 * day (a unique key); what arrives after today's digest waits for tomorrow's.
 */
export function composeDigests(now = new Date()) {
  if (parisHour(now) < getEnv().DIGEST_HOUR) return { digests: 0 };
  const day = parisDay(now);
  return getDb().transaction((tx) => {
    const held = tx
      .select({ id: outboxEmails.id, userId: outboxEmails.userId, to: outboxEmails.to, kind: outboxEmails.kind, text: notifications.text, url: notifications.url })
      .from(outboxEmails)
      .innerJoin(notifications, and(eq(notifications.userId, outboxEmails.userId), eq(notifications.eventId, outboxEmails.eventId)))
      .where(eq(outboxEmails.status, "held"))
      .orderBy(asc(outboxEmails.id))
      .all();
    const byUser = new Map<number, typeof held>();
    for (const h of held) byUser.set(h.userId!, [...(byUser.get(h.userId!) ?? []), h]);
    let digests = 0;
    for (const [userId, items] of byUser) {
      const dedupeKey = `digest:${userId}:${day}`;
      if (tx.select({ id: outboxEmails.id }).from(outboxEmails).where(eq(outboxEmails.dedupeKey, dedupeKey)).get()) continue;
      const kinds = [...new Set(items.map((i) => i.kind as NotificationKind))];
      const { text, html } = renderEmail({
        paragraphs: [items.length === 1 ? "Voici la nouvelle du jour sur ce que vous suivez :" : `Voici les ${items.length} nouvelles du jour sur ce que vous suivez :`],
        items: items.map((i) => ({ text: i.text, href: `${publicBaseUrl()}${i.url}` })),
        link: { href: `${publicBaseUrl()}/notifications`, label: "Toutes vos notifications" },
        reason: "Vous recevez ce résumé quotidien parce que vous l'avez choisi dans « Mon compte ».",
        stopLinks: kinds.map((k) => ({ href: unsubscribeUrl(unsubscribeToken({ u: userId, k })), label: `Ne plus recevoir d'e-mail pour : ${kindLabel(k)}` })),
      });
      tx.insert(outboxEmails)
        .values({ userId, kind: "digest", dedupeKey, to: items[0].to, subject: `Sentinelle — votre résumé du ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(now)}`, text, html })
        .run();
      tx.update(outboxEmails).set({ status: "digested" }).where(inArray(outboxEmails.id, items.map((i) => i.id))).run();
      digests++;
    }
    return { digests };
  });
}
