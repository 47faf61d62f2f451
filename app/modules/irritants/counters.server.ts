import { sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "#db/client";
import { counters, irritants } from "#db/schema";
import { isPubliclyVisible, publiclyVisible } from "./visibility.server";

const IRRITANT_COUNTERS = [
  "irritants.received",
  "irritants.published",
  "irritants.resolved",
  // Whose voice the received ones are (decision 028, amended): patients', vendors' about another vendor's product,
  // and practitioners' collected by the team (on their behalf, or from a backlog). The rest: practitioners' own.
  "irritants.received.patients",
  "irritants.received.vendors",
  "irritants.received.collected",
] as const;
type CounterKey = (typeof IRRITANT_COUNTERS)[number];

/** The voice counter a newly filed irritant adds to, beside "irritants.received" (none for a practitioner's own). */
export function voiceCounter(row: { lane: "practitioner" | "patient"; origin: "reporter" | "vendor" | "on_behalf" | "import" }): CounterKey | null {
  if (row.origin === "vendor") return "irritants.received.vendors";
  if (row.origin === "on_behalf" || row.origin === "import") return "irritants.received.collected";
  return row.lane === "patient" ? "irritants.received.patients" : null;
}

type Flags = Pick<typeof irritants.$inferSelect, "published" | "hiddenAt" | "mergedIntoId" | "status">;

/** What one irritant adds to the public counters: published and live, and among those, resolved. */
function counterContribution(row: Flags) {
  const live = isPubliclyVisible(row);
  return { "irritants.published": live ? 1 : 0, "irritants.resolved": live && row.status === "resolved" ? 1 : 0 };
}

export function bumpCounters(tx: DbOrTx, deltas: Partial<Record<CounterKey, number>>) {
  for (const [key, delta] of Object.entries(deltas)) {
    if (!delta) continue;
    tx.insert(counters)
      .values({ key, value: delta })
      .onConflictDoUpdate({ target: counters.key, set: { value: sql`${counters.value} + ${delta}` } })
      .run();
  }
}

/** Moves the counters from an irritant's state before a change to its state after, in the same transaction. */
export function recountChange(tx: DbOrTx, before: Flags, after: Flags) {
  const a = counterContribution(before);
  const b = counterContribution(after);
  bumpCounters(tx, { "irritants.published": b["irritants.published"] - a["irritants.published"], "irritants.resolved": b["irritants.resolved"] - a["irritants.resolved"] });
}

export function readCounters(tx: DbOrTx = getDb()): Record<CounterKey, number> {
  const rows = tx.select().from(counters).all();
  return Object.fromEntries(IRRITANT_COUNTERS.map((k) => [k, rows.find((r) => r.key === k)?.value ?? 0])) as Record<CounterKey, number>;
}

/** Counts from the rows themselves: used once to initialise the counters, and by tests to check them. */
export function countFromRows(tx: DbOrTx = getDb()): Record<CounterKey, number> {
  const row = tx.get<{ received: number; published: number; resolved: number; patients: number; vendors: number; collected: number }>(sql`
    select count(*) as received,
      coalesce(sum(case when origin = 'reporter' and lane = 'patient' then 1 else 0 end), 0) as patients,
      coalesce(sum(case when origin = 'vendor' then 1 else 0 end), 0) as vendors,
      coalesce(sum(case when origin in ('on_behalf', 'import') then 1 else 0 end), 0) as collected,
      coalesce(sum(case when ${publiclyVisible()} then 1 else 0 end), 0) as published,
      coalesce(sum(case when ${publiclyVisible()} and status = 'resolved' then 1 else 0 end), 0) as resolved
    from irritants`)!;
  return {
    "irritants.received": row.received,
    "irritants.published": row.published,
    "irritants.resolved": row.resolved,
    "irritants.received.patients": row.patients,
    "irritants.received.vendors": row.vendors,
    "irritants.received.collected": row.collected,
  };
}

export function initialiseCounters(tx: DbOrTx) {
  for (const [key, value] of Object.entries(countFromRows(tx))) {
    tx.insert(counters).values({ key, value }).onConflictDoUpdate({ target: counters.key, set: { value } }).run();
  }
}

