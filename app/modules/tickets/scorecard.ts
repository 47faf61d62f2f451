/**
 * Pure statistics for vendor scorecards. No I/O: callers decide what each
 * ticket's flags mean (e.g. whether an unanswered ticket is already late).
 */

/** Minimum number of tickets before a vendor scorecard may be shown publicly. */
export const PUBLIC_SCORECARD_MIN_TICKETS = 10;

export interface ScorecardTicket {
  /** Working days until the vendor's first response; null when not answered yet. */
  firstResponseDays: number | null;
  resolved: boolean;
  resolvedWithinTarget?: boolean;
  /** null when it cannot be judged yet (unanswered and still within the target). */
  respondedWithinTarget: boolean | null;
  fixClaimed: boolean;
  /** Reporter's verdict on a claimed fix; null when not given yet. */
  fixConfirmed: boolean | null;
}

export interface Scorecard {
  ticketCount: number;
  medianFirstResponseDays: number | null;
  respondedWithinTargetRate: number | null;
  resolutionRate: number | null;
  confirmationRate: number | null;
}

/** Median of `values`; null for an empty list, mean of the two middle values for even counts. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** numerator / denominator rounded to 3 decimals, or null when the denominator is 0. */
function rate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  return Math.round((numerator / denominator) * 1000) / 1000;
}

export function computeScorecard(tickets: ScorecardTicket[]): Scorecard {
  const firstResponses = tickets
    .map((t) => t.firstResponseDays)
    .filter((d): d is number => d !== null);

  const judged = tickets.filter((t) => t.respondedWithinTarget !== null);
  const onTime = judged.filter((t) => t.respondedWithinTarget === true).length;

  const resolved = tickets.filter((t) => t.resolved).length;

  const answeredFixes = tickets.filter((t) => t.fixClaimed && t.fixConfirmed !== null);
  const confirmed = answeredFixes.filter((t) => t.fixConfirmed === true).length;

  return {
    ticketCount: tickets.length,
    medianFirstResponseDays: median(firstResponses),
    respondedWithinTargetRate: rate(onTime, judged.length),
    resolutionRate: rate(resolved, tickets.length),
    confirmationRate: rate(confirmed, answeredFixes.length),
  };
}

/** One cell of the scorecard tallies: the tickets of a vendor with the same working days to first response (-1: none). */
export interface ScorecardCell {
  firstResponseDays: number;
  tickets: number;
  resolved: number;
  fixAnswered: number;
  fixConfirmed: number;
}

/**
 * `computeScorecard` from a vendor's tallies (issue 21) instead of its tickets: the same figures, in time proportional
 * to the number of distinct response times. `lateUnanswered`: its unanswered tickets already past their due date.
 */
export function scorecardFromCells(cells: ScorecardCell[], { slaFirstResponseDays, lateUnanswered }: { slaFirstResponseDays: number; lateUnanswered: number }): Scorecard {
  let ticketCount = 0;
  let resolved = 0;
  let fixAnswered = 0;
  let fixConfirmed = 0;
  let onTime = 0;
  const responded = cells.filter((c) => c.firstResponseDays >= 0 && c.tickets > 0).sort((a, b) => a.firstResponseDays - b.firstResponseDays);
  for (const c of cells) {
    ticketCount += c.tickets;
    resolved += c.resolved;
    fixAnswered += c.fixAnswered;
    fixConfirmed += c.fixConfirmed;
    if (c.firstResponseDays >= 0 && c.firstResponseDays <= slaFirstResponseDays) onTime += c.tickets;
  }
  const respondedCount = responded.reduce((n, c) => n + c.tickets, 0);
  /** The i-th (0-based) smallest response time. */
  const nth = (i: number) => {
    let seen = 0;
    for (const c of responded) {
      seen += c.tickets;
      if (i < seen) return c.firstResponseDays;
    }
    throw new RangeError(`no response time at ${i}`);
  };
  const mid = Math.floor(respondedCount / 2);
  return {
    ticketCount,
    medianFirstResponseDays: respondedCount === 0 ? null : respondedCount % 2 === 1 ? nth(mid) : (nth(mid - 1) + nth(mid)) / 2,
    respondedWithinTargetRate: rate(onTime, respondedCount + lateUnanswered),
    resolutionRate: rate(resolved, ticketCount),
    confirmationRate: rate(fixConfirmed, fixAnswered),
  };
}
