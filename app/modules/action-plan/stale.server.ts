import { and, isNotNull, isNull, lte, notInArray, or, sql } from "drizzle-orm";
import { eq } from "drizzle-orm";
import { getDb } from "#db/client";
import { actions } from "#db/schema";
import { recordEvent } from "~/lib/events.server";

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * Reminds the responsible person of each unfinished action whose status has had no news (status change, step status,
 * dated note) for `weeks` weeks: one `action.status_stale` event each, which the notifications deliver in the app and
 * by e-mail. At most one reminder per staleness period: the next one comes `weeks` weeks later if there is still no
 * news. Run by the worker's periodic pass; returns how many actions were reminded.
 */
export function remindStaleActions(weeks: number, now: Date = new Date()) {
  const cutoff = new Date(now.getTime() - weeks * WEEK_MS).toISOString();
  const at = now.toISOString();
  const lastNews = sql`coalesce(${actions.statusUpdatedAt}, ${actions.updatedAt})`;
  return getDb().transaction((tx) => {
    const stale = tx
      .select({ id: actions.id, responsibleId: actions.responsibleId, since: lastNews.mapWith(String) })
      .from(actions)
      .where(
        and(
          isNotNull(actions.responsibleId),
          notInArray(actions.status, ["fait", "abandonne"]),
          lte(lastNews, cutoff),
          or(isNull(actions.staleRemindedAt), lte(actions.staleRemindedAt, cutoff)),
        ),
      )
      .all();
    for (const a of stale) {
      tx.update(actions).set({ staleRemindedAt: at }).where(eq(actions.id, a.id)).run();
      recordEvent(tx, { type: "action.status_stale", actorId: null, subject: { type: "action", id: a.id }, payload: { responsibleId: a.responsibleId!, weeks, since: a.since } });
    }
    return stale.length;
  });
}
