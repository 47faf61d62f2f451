import { and, gte, lt, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { counters, tickets } from "#db/schema";
import { workingDaysBetween } from "./working-days";

/**
 * How many tickets had their vendor's first response after 0, 1, 2… working days: one row of `counters` per number
 * of days ("tickets.first_response_days:3"), added to in the transaction that records the first response. The public
 * median of first-response times is read from these few rows instead of computing working days for every ticket.
 */
const PREFIX = "tickets.first_response_days:";
// The first key after every "tickets.first_response_days:<n>" key (":" + 1 is ";").
const END = "tickets.first_response_days;";

export type ResponseDistribution = Map<number, number>;

export function recordFirstResponse(tx: DbOrTx, openedAt: string, firstResponseAt: string) {
  const key = PREFIX + workingDaysBetween(openedAt, firstResponseAt);
  tx.insert(counters)
    .values({ key, value: 1 })
    .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + 1` } })
    .run();
}

/** The distribution kept in `counters`. */
export function readFirstResponseDistribution(tx: DbOrTx = getDb()): ResponseDistribution {
  const rows = tx.select().from(counters).where(and(gte(counters.key, PREFIX), lt(counters.key, END))).all();
  return new Map(rows.filter((r) => r.value > 0).map((r) => [Number(r.key.slice(PREFIX.length)), r.value]));
}

/** The same distribution from the tickets themselves: used once to initialise the counters, and by tests to check them. */
export function firstResponseDistributionFromRows(tx: DbOrTx = getDb()): ResponseDistribution {
  const distribution: ResponseDistribution = new Map();
  const rows = tx.select({ openedAt: tickets.openedAt, firstResponseAt: tickets.firstResponseAt }).from(tickets).where(sql`${tickets.firstResponseAt} is not null`).all();
  for (const r of rows) {
    const days = workingDaysBetween(r.openedAt, r.firstResponseAt!);
    distribution.set(days, (distribution.get(days) ?? 0) + 1);
  }
  return distribution;
}

export function initialiseFirstResponseCounters(tx: DbOrTx) {
  tx.delete(counters).where(and(gte(counters.key, PREFIX), lt(counters.key, END))).run();
  for (const [days, value] of firstResponseDistributionFromRows(tx)) tx.insert(counters).values({ key: PREFIX + days, value }).run();
}

/** Count and median of a distribution (the mean of the two middle values for an even count, as `median`). */
export function distributionSummary(distribution: ResponseDistribution) {
  const entries = [...distribution.entries()].sort((a, b) => a[0] - b[0]);
  const count = entries.reduce((sum, [, n]) => sum + n, 0);
  if (count === 0) return { count, median: null };
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [days, n] of entries) {
      seen += n;
      if (rank < seen) return days;
    }
    return entries[entries.length - 1][0];
  };
  const mid = Math.floor(count / 2);
  return { count, median: count % 2 === 1 ? valueAt(mid) : (valueAt(mid - 1) + valueAt(mid)) / 2 };
}
