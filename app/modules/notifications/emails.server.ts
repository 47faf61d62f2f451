import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "#db/client";
import { notifications, outboxEmails, users } from "#db/schema";
import { getEnv } from "~/lib/env.server";
import { todayInParis } from "~/lib/dates";
import { emailSubject, renderEmail } from "~/lib/email-template";
import { insertOutboxEmail, publicBaseUrl } from "~/lib/outbox.server";
import type { FollowSubjectType } from "./follows.server";
import { kindLabel, type NotificationKind } from "./kinds";
import { deliveryModeFor } from "./preferences.server";
import { unsubscribeToken } from "./unsubscribe.server";

const unsubscribeUrl = (token: string) => `${publicBaseUrl()}/desabonnement?jeton=${encodeURIComponent(token)}`;

/** The day in Paris, as the digest key and the digest's title. */
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
 * Queues the e-mail of one change for one person, in the worker's transaction: the notifications that the events
 * of one transaction brought them (a vendor's resolution is a status change, a fix question and a reply) become one
 * e-mail listing them, following the person's choice for each kind: immediately, held for the daily digest (one
 * held row per notification, gathered by the digest), or not at all. At most one per change and person, ever.
 */
export function queueNotificationEmails(tx: Tx, userId: number, items: NotificationEmail[]) {
  if (!items.length) return;
  const user = tx.select({ email: users.email, disabledAt: users.disabledAt, confirmedAt: users.emailConfirmedAt }).from(users).where(eq(users.id, userId)).get();
  // Until the address is confirmed it may be someone else's: the news stays in the app.
  if (!user || user.disabledAt || !user.confirmedAt) return;
  const modes = new Map(items.map((i) => [i.kind, deliveryModeFor(tx, userId, i.kind)]));
  const now = items.filter((i) => modes.get(i.kind) === "immediate");
  const held = items.filter((i) => modes.get(i.kind) === "digest");
  if (now.length) insertEmail(tx, user.email, now, "pending");
  for (const item of held) insertEmail(tx, user.email, [item], "held");
}

function insertEmail(tx: Tx, to: string, items: NotificationEmail[], status: "pending" | "held") {
  const [first] = items;
  const kinds = [...new Set(items.map((i) => i.kind))];
  const followed = items.find((i) => i.followed)?.followed;
  const stopLinks = [
    ...(followed ? [{ href: unsubscribeUrl(unsubscribeToken({ u: first.userId, s: followed.type, i: followed.id })), label: "Ne plus suivre ce sujet" }] : []),
    ...kinds.map((k) => ({ href: unsubscribeUrl(unsubscribeToken({ u: first.userId, k })), label: kinds.length > 1 ? `Ne plus recevoir d'e-mail pour : ${kindLabel(k)}` : "Ne plus recevoir ce type d'e-mail" })),
  ];
  const links = [...new Set(items.map((i) => i.url))];
  const { text, html } = renderEmail({
    paragraphs: items.length === 1 ? [first.text] : ["Voici ce qui vient de changer sur ce que vous suivez :"],
    items: items.length === 1 ? undefined : items.map((i) => ({ text: i.text, href: `${publicBaseUrl()}${i.url}` })),
    link: links.length === 1 ? { href: `${publicBaseUrl()}${links[0]}`, label: "Voir le détail sur Sentinelle" } : undefined,
    reason: `Vous recevez ce message au titre de : ${kinds.map(kindLabel).join(" ; ")}. Vos choix se règlent dans « Mon compte ».`,
    stopLinks,
  });
  insertOutboxEmail(tx, {
    userId: first.userId,
    eventId: first.eventId,
    kind: first.kind,
    dedupeKey: `event:${first.eventId}:user:${first.userId}`,
    to,
    subject: emailSubject(first.text),
    text,
    html,
    status,
  });
}

/**
 * Gathers each person's held e-mails into one daily digest, after DIGEST_HOUR in Paris. One digest per person and
 * day (a unique key); what arrives after today's digest waits for tomorrow's.
 */
export function composeDigests(now = new Date()) {
  if (parisHour(now) < getEnv().DIGEST_HOUR) return { digests: 0 };
  const day = todayInParis(now);
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
      const digestId = insertOutboxEmail(
        tx,
        { userId, kind: "digest", dedupeKey, to: items[0].to, subject: `Sentinelle — votre résumé du ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" }).format(now)}`, text, html },
        { ignoreDuplicate: false },
      );
      tx.update(outboxEmails).set({ status: "digested", digestId }).where(inArray(outboxEmails.id, items.map((i) => i.id))).run();
      digests++;
    }
    return { digests };
  });
}
