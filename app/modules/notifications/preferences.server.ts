import { and, eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { notificationPreferences, type Role } from "#db/schema";
import { recordEvent } from "~/lib/events.server";
import { kindsForRole, type DeliveryMode, type NotificationKind } from "./kinds";

/** Without a choice, e-mails go out immediately. */
const DEFAULT_MODE: DeliveryMode = "immediate";

export function deliveryModeFor(tx: DbOrTx, userId: number, kind: NotificationKind): DeliveryMode {
  const chosen = tx
    .select({ mode: notificationPreferences.mode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.userId, userId), eq(notificationPreferences.kind, kind)))
    .get();
  return chosen?.mode ?? DEFAULT_MODE;
}

/** The person's choice for each kind that concerns their role. */
export function getPreferences(userId: number, role: Role) {
  const chosen = new Map(getDb().select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).all().map((r) => [r.kind, r.mode]));
  return kindsForRole(role).map((k) => ({ kind: k.value, label: k.label, mode: chosen.get(k.value) ?? DEFAULT_MODE }));
}

export function savePreferences(userId: number, role: Role, modes: Partial<Record<NotificationKind, DeliveryMode>>) {
  const allowed = new Set<string>(kindsForRole(role).map((k) => k.value));
  getDb().transaction((tx) => {
    for (const [kind, mode] of Object.entries(modes)) {
      if (!mode || !allowed.has(kind)) continue;
      tx.insert(notificationPreferences)
        .values({ userId, kind, mode })
        .onConflictDoUpdate({ target: [notificationPreferences.userId, notificationPreferences.kind], set: { mode } })
        .run();
    }
    recordEvent(tx, { type: "user.notification_preferences_changed", actorId: userId, subject: { type: "user", id: userId }, payload: modes });
  });
}
