import { getDb, type Db } from "#db/client";
import { lastEventId } from "~/lib/events.server";

/**
 * Public aggregates (the progress page's figures), computed once per state of the data instead of once per visitor.
 *
 * Every change writes its event in the same transaction as the change (the outbox, `recordEvent`), so the id of the
 * last event names the state of the data: a cached value is used only while no event has been written since it was
 * computed, whichever process wrote it. Figures over a moving window ("the last 30 days", "overdue") also depend on
 * the clock, so a value is never older than a minute either. Cached values are shared: callers must not change them.
 */
const MAX_AGE_MS = 60_000;
const entries = new Map<string, { db: Db; eventId: number; at: number; value: unknown }>();

export function cachedAggregate<T>(name: string, compute: () => T): T {
  const db = getDb();
  const eventId = lastEventId(db);
  const now = Date.now();
  const hit = entries.get(name);
  if (hit && hit.db === db && hit.eventId === eventId && now - hit.at < MAX_AGE_MS) return hit.value as T;
  const value = compute();
  entries.set(name, { db, eventId, at: now, value });
  return value;
}
