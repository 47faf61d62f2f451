import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "#db/client";
import { follows, notificationPreferences, users } from "#db/schema";
import { recordEvent } from "~/lib/events.server";
import { signPayload, verifySignedPayload } from "~/lib/tokens.server";
import { NOTIFICATION_KIND_VALUES } from "./kinds";
import { describeSubject, type FollowSubjectType } from "./follows.server";

/** Unsubscribe links in e-mails stay valid this long; after that the person signs in to change their choices. */
export const UNSUBSCRIBE_LINK_DAYS = 90;

const unsubscribePayload = z.union([
  z.object({ u: z.number().int().positive(), s: z.enum(["irritant", "action", "theme"]), i: z.number().int().positive() }),
  z.object({ u: z.number().int().positive(), k: z.enum(NOTIFICATION_KIND_VALUES) }),
]);
type UnsubscribePayload = z.infer<typeof unsubscribePayload>;

export function unsubscribeToken(target: UnsubscribePayload, now = new Date()) {
  return signPayload(target, new Date(now.getTime() + UNSUBSCRIBE_LINK_DAYS * 86_400_000));
}

export type UnsubscribeCheck =
  | { ok: true; target: UnsubscribePayload; description: string }
  | { ok: false; status: 400 | 410; message: string };

/** What a link would stop, or why it cannot be used (forged, expired, for an account that no longer exists). */
export function checkUnsubscribeToken(token: string, now = new Date()): UnsubscribeCheck {
  const verified = verifySignedPayload(token, now);
  if (!verified.ok) {
    return verified.reason === "expired"
      ? { ok: false, status: 410, message: "Ce lien a expiré. Connectez-vous pour choisir ce que vous suivez et les e-mails que vous recevez, depuis votre compte." }
      : { ok: false, status: 400, message: "Ce lien n'est pas valide. Copiez-le en entier depuis l'e-mail, ou connectez-vous pour gérer vos notifications." };
  }
  const parsed = unsubscribePayload.safeParse(verified.payload);
  const user = parsed.success ? getDb().select({ id: users.id }).from(users).where(eq(users.id, parsed.data.u)).get() : undefined;
  if (!parsed.success || !user) return { ok: false, status: 400, message: "Ce lien n'est pas valide." };
  const target = parsed.data;
  const description = "k" in target ? `les e-mails de ce type` : describeSubject(target.s as FollowSubjectType, target.i);
  return { ok: true, target, description };
}

/** Applies a checked link: stops following the subject, or turns that kind of e-mail off. */
export function applyUnsubscribe(target: UnsubscribePayload) {
  getDb().transaction((tx) => {
    if ("k" in target) {
      tx.insert(notificationPreferences)
        .values({ userId: target.u, kind: target.k, mode: "none" })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { mode: "none" } })
        .run();
    } else {
      tx.delete(follows).where(and(eq(follows.userId, target.u), eq(follows.subjectType, target.s), eq(follows.subjectId, target.i))).run();
    }
    recordEvent(tx, { type: "user.unsubscribed", actorId: target.u, subject: { type: "user", id: target.u }, payload: target });
  });
}
