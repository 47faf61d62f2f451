/**
 * Incremental tallies of the vendors' scorecards (issue 21). The scorecards used to read every ticket and compute
 * each one's working days to first response on every view (about 45 µs a ticket: seconds for the 400,000 tickets of
 * the national-scale database). Now each ticket's share of its vendor's scorecard — counted or not (a ticket passed on
 * to another product is not), its working days to first response, resolved, fix verdict — is taken out of the tallies
 * before a change and put back after it, in the same transaction (`retallyTicket`, `tallyNewTicket`). What depends on
 * today (unanswered tickets already late) is counted at read time from counts per vendor and due date that triggers keep. Tickets inserted by another path
 * (the seeds) leave the tallies behind the newest ticket id: they are then rebuilt from the rows (`scorecardTallies`).
 */
import { and, eq, gt, gte, max, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "#db/client";
import { fixConfirmations, ticketScorecardCells, ticketScorecardState, ticketUnansweredDue, tickets } from "#db/schema";
import { parisDate, workingDaysBetween } from "./working-days";

/** A ticket's share of its vendor's scorecard; null when it does not count (passed on to another product). */
type Share = { vendorId: number; firstResponseDays: number; resolved: number; fixAnswered: number; fixConfirmed: number };

type TicketRow = { id: number; vendorId: number; status: string; resolution: string | null; openedAt: string; firstResponseAt: string | null; reopenCount: number };

const ticketColumns = {
  id: tickets.id,
  vendorId: tickets.vendorId,
  status: tickets.status,
  resolution: tickets.resolution,
  openedAt: tickets.openedAt,
  firstResponseAt: tickets.firstResponseAt,
  reopenCount: tickets.reopenCount,
};

/** The share of a ticket, given the verdicts on its current round's fix ("yes", "no"; "not_updated" left out). */
function shareOf(t: TicketRow, answers: string[]): Share | null {
  if (t.resolution === "other_product") return null;
  const fixClaimed = t.resolution === "fixed";
  const verdicts = answers.filter((a) => a !== "not_updated");
  const answered = fixClaimed && verdicts.length > 0;
  return {
    vendorId: t.vendorId,
    firstResponseDays: t.firstResponseAt ? workingDaysBetween(t.openedAt, t.firstResponseAt) : -1,
    resolved: t.status === "resolved" || (t.status === "closed" && t.resolution !== null) ? 1 : 0,
    fixAnswered: answered ? 1 : 0,
    fixConfirmed: answered && verdicts.filter((a) => a === "yes").length > verdicts.length / 2 ? 1 : 0,
  };
}

function shareOfTicket(tx: DbOrTx, ticketId: number): Share | null {
  const t = tx.select(ticketColumns).from(tickets).where(eq(tickets.id, ticketId)).get();
  if (!t) return null;
  const answers = tx
    .select({ answer: fixConfirmations.answer })
    .from(fixConfirmations)
    .where(and(eq(fixConfirmations.ticketId, ticketId), eq(fixConfirmations.round, t.reopenCount)))
    .all()
    .map((a) => a.answer);
  return shareOf(t, answers);
}

function add(tx: DbOrTx, share: Share | null, sign: 1 | -1) {
  if (!share) return;
  const row = { tickets: sign, resolved: sign * share.resolved, fixAnswered: sign * share.fixAnswered, fixConfirmed: sign * share.fixConfirmed };
  tx.insert(ticketScorecardCells)
    .values({ vendorId: share.vendorId, firstResponseDays: share.firstResponseDays, ...row })
    .onConflictDoUpdate({
      target: [ticketScorecardCells.vendorId, ticketScorecardCells.firstResponseDays],
      set: {
        tickets: sql`${ticketScorecardCells.tickets} + ${row.tickets}`,
        resolved: sql`${ticketScorecardCells.resolved} + ${row.resolved}`,
        fixAnswered: sql`${ticketScorecardCells.fixAnswered} + ${row.fixAnswered}`,
        fixConfirmed: sql`${ticketScorecardCells.fixConfirmed} + ${row.fixConfirmed}`,
      },
    })
    .run();
}

/** Runs `change` (which updates the ticket or its fix confirmations) and moves the ticket's share accordingly. */
export function retallyTicket<T>(tx: Tx, ticketId: number, change: () => T): T {
  const before = shareOfTicket(tx, ticketId);
  const result = change();
  add(tx, before, -1);
  add(tx, shareOfTicket(tx, ticketId), 1);
  return result;
}

/**
 * Adds a ticket just inserted. `previousMaxId`: the newest ticket id before the insert; the tallies' state moves to the
 * new ticket only if it was there (otherwise tickets are missing from them, and the next read rebuilds them).
 */
export function tallyNewTicket(tx: Tx, ticketId: number, previousMaxId: number | null) {
  add(tx, shareOfTicket(tx, ticketId), 1);
  tx.update(ticketScorecardState)
    .set({ maxTicketId: ticketId })
    .where(and(eq(ticketScorecardState.id, 1), eq(ticketScorecardState.maxTicketId, previousMaxId ?? 0)))
    .run();
}

/** The newest ticket id, before an insert (for `tallyNewTicket`). */
export function newestTicketId(tx: DbOrTx): number | null {
  return tx.select({ id: max(tickets.id) }).from(tickets).get()?.id ?? null;
}

/** Every tally recomputed from the tickets and their fix confirmations: the full recount they must always equal. */
export function recountScorecardCells(tx: DbOrTx) {
  const cells = new Map<string, Share & { tickets: number }>();
  const answersByTicket = new Map<string, string[]>();
  for (const a of tx.select({ ticketId: fixConfirmations.ticketId, round: fixConfirmations.round, answer: fixConfirmations.answer }).from(fixConfirmations).all()) {
    const key = `${a.ticketId}:${a.round}`;
    const list = answersByTicket.get(key) ?? [];
    list.push(a.answer);
    answersByTicket.set(key, list);
  }
  for (const t of tx.select(ticketColumns).from(tickets).all()) {
    const share = shareOf(t, answersByTicket.get(`${t.id}:${t.reopenCount}`) ?? []);
    if (!share) continue;
    const key = `${share.vendorId}:${share.firstResponseDays}`;
    const cell = cells.get(key) ?? { ...share, tickets: 0, resolved: 0, fixAnswered: 0, fixConfirmed: 0 };
    cell.tickets++;
    cell.resolved += share.resolved;
    cell.fixAnswered += share.fixAnswered;
    cell.fixConfirmed += share.fixConfirmed;
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((c) => ({ vendorId: c.vendorId, firstResponseDays: c.firstResponseDays, tickets: c.tickets, resolved: c.resolved, fixAnswered: c.fixAnswered, fixConfirmed: c.fixConfirmed }))
    .sort((a, b) => a.vendorId - b.vendorId || a.firstResponseDays - b.firstResponseDays);
}

/** Rebuilds the tallies from the rows (after a seed, or when they fell behind). */
export function rebuildScorecardTallies(tx: DbOrTx = getDb()) {
  const run = (t: DbOrTx) => {
    const newest = newestTicketId(t) ?? 0;
    const cells = recountScorecardCells(t);
    t.delete(ticketScorecardCells).run();
    for (const c of cells) t.insert(ticketScorecardCells).values(c).run();
    t.insert(ticketScorecardState).values({ id: 1, maxTicketId: newest }).onConflictDoUpdate({ target: ticketScorecardState.id, set: { maxTicketId: newest } }).run();
  };
  if ("transaction" in tx) tx.transaction(run);
  else run(tx);
}

/** The tallies as stored, rebuilt first when tickets were inserted behind their back. Non-empty cells only. */
export function scorecardCells(onlyVendor?: number) {
  const db = getDb();
  const state = db.select({ maxTicketId: ticketScorecardState.maxTicketId }).from(ticketScorecardState).where(eq(ticketScorecardState.id, 1)).get();
  if (!state || state.maxTicketId !== (newestTicketId(db) ?? 0)) rebuildScorecardTallies(db);
  return db
    .select()
    .from(ticketScorecardCells)
    .where(and(onlyVendor ? eq(ticketScorecardCells.vendorId, onlyVendor) : undefined, gt(ticketScorecardCells.tickets, 0)))
    .all();
}

/**
 * Per vendor, the unanswered tickets that count and are already late today (their due date is before today in Paris):
 * the vendor's unanswered tickets (`unanswered`, the scorecard cells without a first response) minus those due today or
 * later (the vendors of `unanswered` only), read from the counts per vendor and due date that triggers keep (`ticket_unanswered_due`, migration 0040)
 * through their index by day (migration 0041). Summing the days before today instead read one row per vendor and
 * day the programme has run (8,590 rows at 1,000,000 irritants, 10,556 at 3,000,000), more every day.
 */
export function lateUnansweredByVendor(nowIso: string, unanswered: Map<number, number>): Map<number, number> {
  const today = parisDate(nowIso);
  // Summed here: grouped by vendor in SQL, the planner would rather walk the primary key (vendor first) whole.
  const notYetLate = getDb()
    .select({ vendorId: ticketUnansweredDue.vendorId, n: ticketUnansweredDue.tickets })
    .from(ticketUnansweredDue)
    .where(gte(ticketUnansweredDue.due, today))
    .all();
  const late = new Map(unanswered);
  for (const r of notYetLate) if (late.has(r.vendorId)) late.set(r.vendorId, late.get(r.vendorId)! - r.n);
  return new Map([...late].filter(([, n]) => n > 0));
}
