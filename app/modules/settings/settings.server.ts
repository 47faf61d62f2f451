import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "#db/client";
import { settings } from "#db/schema";
import { recordEvent } from "~/lib/events.server";

/** Every team setting, with its type and default; stored rows override the defaults. */
export const SETTINGS_SCHEMA = z.object({
  slaFirstResponseDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int().min(1, "Au moins 1 jour ouvré.").max(60, "Au plus 60 jours ouvrés.").default(5),
  slaResolutionDays: z.coerce.number({ error: "Indiquez un nombre de jours." }).int().min(1, "Au moins 1 jour ouvré.").max(365, "Au plus 365 jours ouvrés.").default(60),
  fixDenialsToReopen: z.coerce.number({ error: "Indiquez un nombre." }).int().min(1, "Au moins 1.").max(50, "Au plus 50.").default(3),
  autoForwardProductIrritants: z.boolean().default(false),
  // Which headline blocks the public progress page shows, in this order.
  progressHeadlines: z.array(z.enum(["irritants", "actions", "vendors", "survey"])).default(["irritants", "actions", "vendors", "survey"]),
});
export type Settings = z.infer<typeof SETTINGS_SCHEMA>;

export function getSettings(tx: DbOrTx = getDb()): Settings {
  const stored = Object.fromEntries(tx.select().from(settings).all().map((r) => [r.key, r.value]));
  return SETTINGS_SCHEMA.parse(stored);
}

export function updateSettings(actorId: number, patch: Partial<Settings>) {
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
