import { eq } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { settings } from "#db/schema";
import { HttpError } from "~/lib/errors";
import { recordEvent } from "~/lib/events.server";
import { assertCan, type Permission } from "~/lib/permissions.server";
import type { SessionUser } from "~/lib/session-users.server";
import type { z } from "zod";
import { SETTINGS_SCHEMA } from "./schemas";

export type Settings = z.infer<typeof SETTINGS_SCHEMA>;

export function getSettings(tx: DbOrTx = getDb()): Settings {
  const stored = Object.fromEntries(tx.select().from(settings).all().map((r) => [r.key, r.value]));
  return SETTINGS_SCHEMA.parse(stored);
}

/** Who may change each setting: ticket deadlines are the ticket managers', the progress page's blocks its editors'. */
const SETTING_PERMISSIONS: Record<keyof Settings, Permission> = {
  slaFirstResponseDays: "ticket:manage",
  slaResolutionDays: "ticket:manage",
  fixDenialsToReopen: "ticket:manage",
  fixConfirmationDays: "ticket:manage",
  autoForwardProductIrritants: "ticket:manage",
  staleStatusWeeks: "action-plan:edit",
  progressHeadlines: "progress:edit",
};

export function updateSettings(actor: SessionUser, patch: Partial<Settings>) {
  for (const key of Object.keys(patch) as (keyof Settings)[]) {
    if (!(key in SETTING_PERMISSIONS)) throw new HttpError(422, "Réglage inconnu.");
    assertCan(actor, SETTING_PERMISSIONS[key], "Ces réglages sont réservés à l'équipe programme.");
  }
  const actorId = actor.id;
  getDb().transaction((tx) => {
    for (const [key, value] of Object.entries(patch)) {
      if (value === undefined) continue;
      tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
    }
    recordEvent(tx, { type: "settings.updated", actorId, subject: { type: "settings", id: 0 }, payload: patch });
  });
}

export function getSetting<K extends keyof Settings>(key: K, tx: DbOrTx = getDb()): Settings[K] {
  const row = tx.select().from(settings).where(eq(settings.key, key)).get();
  return SETTINGS_SCHEMA.shape[key].parse(row?.value) as Settings[K];
}
