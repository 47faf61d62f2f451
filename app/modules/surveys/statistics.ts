/**
 * Pure statistics for satisfaction surveys. No I/O and no rounding: every
 * function returns raw numbers so that the presentation layer rounds once,
 * at display time (`round`), and differences are computed from unrounded
 * values. Intervals are two-sided, 95% by default (z = 1.96).
 *
 * Denominators are the caller's responsibility: pass only answered values
 * (skipped questions and "not applicable" answers excluded), so that every
 * published share is "among respondents who answered".
 *
 * Invalid input (negative counts, successes > n, answers off the scale…)
 * throws a RangeError instead of producing a plausible-looking figure.
 */

/**
 * Smallest cell that may be shown, on public pages and to the program team alike: the team is not a safer
 * audience (it may know who holds which invitation), so its provisional view follows the same rule.
 */
export const PUBLIC_MIN_CELL = 10;

export interface Interval {
  value: number;
  low: number;
  high: number;
}

export interface ProportionEstimate extends Interval {
  successes: number;
  n: number;
}

export interface NpsEstimate extends Interval {
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
}

export interface ScalePoint {
  value: number | string;
  label: string;
}

export interface DistributionRow {
  value: number | string;
  label: string;
  count: number;
}

export interface Cell<T> {
  key: string;
  n: number;
  data: T;
}

export interface PublishedCell<T> {
  key: string;
  /** null when suppressed. */
  n: number | null;
  suppressed: boolean;
  /** null when suppressed. */
  data: T | null;
}

function assertCount(name: string, x: number): void {
  if (!Number.isInteger(x) || x < 0) {
    throw new RangeError(`${name} must be a non-negative integer (got ${x})`);
  }
}

function assertZ(z: number): void {
  if (!Number.isFinite(z) || z <= 0) {
    throw new RangeError(`z must be a positive finite number (got ${z})`);
  }
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/**
 * Rounds half away from zero, so that -x rounds to the opposite of x.
 * `toPrecision(15)` first removes binary noise (1.005 * 100 = 100.49999…),
 * which would otherwise round down a value that is written as a half.
 * Never returns -0.
 */
export function round(x: number, digits = 0): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > 15) {
    throw new RangeError(`digits must be an integer between 0 and 15 (got ${digits})`);
  }
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const result = (Math.sign(x) * Math.round(scaled)) / factor;
  return result === 0 ? 0 : result;
}

/**
 * Proportion with its Wilson score interval. Wilson rather than the textbook
 * Wald interval (p ± z·√(p(1−p)/n)) because Wald collapses to [0, 0] or
 * [1, 1] at 0% and 100% and has poor coverage for the small samples a survey
 * wave produces; Wilson stays inside [0, 1] and is honest at the extremes.
 * Null when n = 0: there is no proportion to report.
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval | null {
  assertCount("successes", successes);
  assertCount("n", n);
  assertZ(z);
  if (successes > n) {
    throw new RangeError(`successes (${successes}) cannot exceed n (${n})`);
  }
  if (n === 0) return null;

  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // The bounds are exactly 0 and 1 at the extremes; set them so rounding
  // noise cannot publish "-0.0%" or "100.0000001%".
  const low = successes === 0 ? 0 : clamp(centre - halfWidth, 0, 1);
  const high = successes === n ? 1 : clamp(centre + halfWidth, 0, 1);
  return { value: p, low, high };
}

/**
 * Counts per scale point, in the scale's order, zeros included, so that a
 * chart always shows every answer option (an empty bar is information).
 * Values are matched strictly (4 and "4" differ): values that match no
 * scale point — e.g. "not applicable" — are not counted, so the counts'
 * sum is the number of answers on the scale.
 */
export function distribution(
  values: (number | string)[],
  scale: ScalePoint[],
): DistributionRow[] {
  const counts = new Map<number | string, number>();
  for (const point of scale) {
    if (counts.has(point.value)) {
      throw new RangeError(`duplicate scale value ${String(point.value)}`);
    }
    counts.set(point.value, 0);
  }
  for (const v of values) {
    const current = counts.get(v);
    if (current !== undefined) counts.set(v, current + 1);
  }
  return scale.map((point) => ({
    value: point.value,
    label: point.label,
    count: counts.get(point.value) ?? 0,
  }));
}

/** Arithmetic mean; null for an empty list rather than NaN, so it cannot be displayed by accident. */
export function mean(values: number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`mean of a non-finite value (${v})`);
    sum += v;
  }
  return sum / values.length;
}

/**
 * Share of answers at or above `threshold` (top-2-box on a 1–5 Likert or
 * CSAT scale: threshold 4), with its Wilson interval. Reporting the share
 * rather than the mean avoids treating ordinal answers as interval data.
 */
export function topBox(values: number[], threshold: number): ProportionEstimate | null {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`non-finite answer (${v})`);
  }
  const successes = values.filter((v) => v >= threshold).length;
  const interval = wilsonInterval(successes, values.length);
  return interval && { ...interval, successes, n: values.length };
}

/** Response rate among invited people, with its Wilson interval; null when nobody was invited. */
export function responseRate(responses: number, invited: number): ProportionEstimate | null {
  const interval = wilsonInterval(responses, invited);
  return interval && { ...interval, successes: responses, n: invited };
}

interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
  n: number;
}

function countNps(values: number[]): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > 10) {
      throw new RangeError(`NPS answers must be integers from 0 to 10 (got ${v})`);
    }
    if (v >= 9) promoters += 1;
    else if (v >= 7) passives += 1;
    else detractors += 1;
  }
  return { promoters, passives, detractors, n: values.length };
}

/**
 * Variance of one answer's contribution to P − D: each answer scores +1
 * (promoter), 0 (passive) or −1 (detractor), so E[X] = p − d and
 * E[X²] = p + d, hence Var = p + d − (p − d)². Divided by n for the
 * variance of the estimate (multinomial, not two independent proportions:
 * P and D come from the same respondents and are negatively correlated).
 */
function npsVariance(c: NpsCounts): number {
  const p = c.promoters / c.n;
  const d = c.detractors / c.n;
  return Math.max(0, p + d - (p - d) ** 2) / c.n;
}

/**
 * Net Promoter Score in points (−100..100) with a normal-approximation
 * interval, clamped to [−100, 100]. The approximation degenerates when
 * every answer is in one group (standard error 0) and is unreliable for
 * small n: publish only above the minimum cell size.
 */
export function nps(values: number[], z = 1.96): NpsEstimate | null {
  assertZ(z);
  const c = countNps(values);
  if (c.n === 0) return null;
  // Integer difference first, one division: 100 · 2 / 10 is exactly 20.
  const value = (100 * (c.promoters - c.detractors)) / c.n;
  const margin = 100 * z * Math.sqrt(npsVariance(c));
  return {
    value,
    low: clamp(value - margin, -100, 100),
    high: clamp(value + margin, -100, 100),
    ...c,
  };
}

/**
 * Change in NPS from wave `a` to wave `b` (b − a), in points, with a normal
 * interval: the waves are independent samples, so the variances add.
 * Clamped to [−200, 200]. Null when either wave has no answer.
 */
export function npsDifference(a: number[], b: number[], z = 1.96): Interval | null {
  assertZ(z);
  const ca = countNps(a);
  const cb = countNps(b);
  if (ca.n === 0 || cb.n === 0) return null;
  const value =
    (100 * (cb.promoters - cb.detractors)) / cb.n - (100 * (ca.promoters - ca.detractors)) / ca.n;
  const margin = 100 * z * Math.sqrt(npsVariance(ca) + npsVariance(cb));
  return {
    value,
    low: clamp(value - margin, -200, 200),
    high: clamp(value + margin, -200, 200),
  };
}

/**
 * Change in a proportion from wave `a` to wave `b` (b − a), with Newcombe's
 * hybrid score interval (Newcombe 1998, method 10), built from each wave's
 * Wilson interval. Unlike the Wald difference it keeps good coverage with
 * small samples and proportions near 0% or 100%, and stays inside [−1, 1].
 * The waves must be independent samples (different respondents or not
 * linked); null when either wave is empty.
 */
export function proportionDifference(
  a: { successes: number; n: number },
  b: { successes: number; n: number },
  z = 1.96,
): Interval | null {
  const wa = wilsonInterval(a.successes, a.n, z);
  const wb = wilsonInterval(b.successes, b.n, z);
  if (!wa || !wb) return null;
  const value = wb.value - wa.value;
  const low = value - Math.sqrt((wb.value - wb.low) ** 2 + (wa.high - wa.value) ** 2);
  const high = value + Math.sqrt((wb.high - wb.value) ** 2 + (wa.value - wa.low) ** 2);
  return { value, low: clamp(low, -1, 1), high: clamp(high, -1, 1) };
}

/**
 * Small-cell suppression for one row of cells that partition a total (e.g. the
 * answers to one question broken down by software, the respondents who named
 * no software being a cell like the others), so that no published figure lets
 * a reader single out fewer than `k` respondents, even by subtraction.
 *
 * - Primary: a cell with 0 < n < k is suppressed (its n and data hidden).
 *   Empty cells (n = 0) are shown: there is nobody in them to identify.
 * - Complementary, only when the row's total is published (`total` given):
 *   with a single suppressed cell, total − (shown cells) would give it back.
 *   So the smallest non-zero shown cell is suppressed too (ties: the first
 *   in input order), and again, until at least two cells are suppressed AND
 *   their combined n is ≥ k — otherwise the recoverable sum of the hidden
 *   cells would itself be a small cell — or no non-zero cell is left.
 *
 * Cells keep their input order. `total` must equal the cells' sum: a remainder
 * left out of the cells (people who rated nothing, "other") would be rebuilt by
 * subtraction without ever being checked, so the caller must make it a cell.
 * If `total` itself is below k, the caller must not publish it.
 */
export function suppressSmallCells<T>(
  cells: Cell<T>[],
  k: number,
  total?: number,
): PublishedCell<T>[] {
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`k must be a positive integer (got ${k})`);
  }
  let sum = 0;
  for (const cell of cells) {
    assertCount(`n of cell "${cell.key}"`, cell.n);
    sum += cell.n;
  }
  if (total !== undefined) {
    assertCount("total", total);
    if (total !== sum) {
      throw new RangeError(`total (${total}) must equal the sum of the cells (${sum}): every group, "other" included, is a cell`);
    }
  }

  const suppressed = cells.map((cell) => cell.n > 0 && cell.n < k);

  if (total !== undefined) {
    const count = () => suppressed.filter(Boolean).length;
    const suppressedSum = () =>
      cells.reduce((acc, cell, i) => (suppressed[i] ? acc + cell.n : acc), 0);
    while (count() > 0 && !(count() >= 2 && suppressedSum() >= k)) {
      let next = -1;
      cells.forEach((cell, i) => {
        if (!suppressed[i] && cell.n > 0 && (next === -1 || cell.n < cells[next].n)) next = i;
      });
      if (next === -1) break; // every non-zero cell is already suppressed
      suppressed[next] = true;
    }
  }

  return cells.map((cell, i) =>
    suppressed[i]
      ? { key: cell.key, n: null, suppressed: true, data: null }
      : { key: cell.key, n: cell.n, suppressed: false, data: cell.data },
  );
}

/**
 * How many of a cell's `n` answers (oldest first) the team's provisional view
 * counts: whole batches of `k`, one batch behind, i.e. (⌊n/k⌋ − 1)·k, never
 * negative. Whole batches mean two successive views of a cell differ by 0 or
 * at least k answers, so watching the view before and after one person answers
 * shows nothing (the view does not move) and a change always mixes k people.
 * One batch behind means the final published figures (all n answers) differ
 * from any provisional view of the cell by at least k answers as well, so the
 * last few respondents cannot be isolated by comparing the two.
 */
export function provisionalCount(n: number, k: number): number {
  assertCount("n", n);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer (got ${k})`);
  return Math.max(0, (Math.floor(n / k) - 1) * k);
}

/** A count shown to the team only in whole batches of `k` (⌊n/k⌋·k), so that it does not move with each response. */
export function batchedCount(n: number, k: number): number {
  assertCount("n", n);
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer (got ${k})`);
  return Math.floor(n / k) * k;
}

export type SummaryStats = { mean?: number; topBox?: Interval; nps?: Interval; yes?: Interval };

/** The published statistics of one cell's answers, rounded for display: mean and top-2-box, NPS, or share of "yes". */
export function summaryStats(type: string, values: (number | string)[]): SummaryStats {
  const numbers = values.filter((v): v is number => typeof v === "number");
  const r = (i: Interval | null) => (i ? { value: round(i.value, 3), low: round(i.low, 3), high: round(i.high, 3) } : undefined);
  switch (type) {
    case "likert":
    case "csat":
      return { mean: round(mean(numbers) ?? 0, 2), topBox: r(topBox(numbers, 4)) };
    case "nps": {
      const n = nps(numbers);
      return { nps: n ? { value: round(n.value, 1), low: round(n.low, 1), high: round(n.high, 1) } : undefined };
    }
    case "yesno":
      return { yes: r(topBox(values.map((v) => (v === "yes" ? 1 : 0)), 1)) };
    default:
      return {};
  }
}

// --- From counts (issue 21) ---------------------------------------------------------------------------------------
// The same statistics computed from how many times each value was given (the survey tallies), in time proportional
// to the number of distinct values rather than of answers. Each gives what its list-based twin gives for the list
// the counts describe (tests/unit/survey-statistics-counts.test.ts checks it on random data).

/** How many times each value was given. Values are matched strictly, as in a list (4 and "4" differ). */
export type ValueCounts = ReadonlyMap<number | string, number>;

function assertCounts(counts: ValueCounts): void {
  for (const [value, n] of counts) assertCount(`count of ${JSON.stringify(value)}`, n);
}

/** `distribution` of the answers `counts` describes. */
export function distributionFromCounts(counts: ValueCounts, scale: ScalePoint[]): DistributionRow[] {
  assertCounts(counts);
  const seen = new Set<number | string>();
  for (const point of scale) {
    if (seen.has(point.value)) throw new RangeError(`duplicate scale value ${String(point.value)}`);
    seen.add(point.value);
  }
  return scale.map((point) => ({ value: point.value, label: point.label, count: counts.get(point.value) ?? 0 }));
}

/** Promoters, passives and detractors among numeric counts (strings are not NPS answers and are left out). */
function npsCountsOf(counts: ValueCounts): NpsCounts {
  const c: NpsCounts = { promoters: 0, passives: 0, detractors: 0, n: 0 };
  for (const [v, k] of counts) {
    if (typeof v !== "number" || k === 0) continue;
    if (!Number.isInteger(v) || v < 0 || v > 10) throw new RangeError(`NPS answers must be integers from 0 to 10 (got ${v})`);
    if (v >= 9) c.promoters += k;
    else if (v >= 7) c.passives += k;
    else c.detractors += k;
    c.n += k;
  }
  return c;
}

/** Answers at or above `threshold` among the numeric values, and how many numeric values (for a top-box share). */
export function topBoxCounts(counts: ValueCounts, threshold: number): { successes: number; n: number } {
  let successes = 0;
  let n = 0;
  for (const [v, k] of counts) {
    if (typeof v !== "number" || k === 0) continue;
    if (!Number.isFinite(v)) throw new RangeError(`non-finite answer (${v})`);
    n += k;
    if (v >= threshold) successes += k;
  }
  return { successes, n };
}

/** `npsDifference` of the numeric answers two sets of counts describe (b − a). */
export function npsDifferenceFromCounts(a: ValueCounts, b: ValueCounts, z = 1.96): Interval | null {
  assertZ(z);
  assertCounts(a);
  assertCounts(b);
  const ca = npsCountsOf(a);
  const cb = npsCountsOf(b);
  if (ca.n === 0 || cb.n === 0) return null;
  const value = (100 * (cb.promoters - cb.detractors)) / cb.n - (100 * (ca.promoters - ca.detractors)) / ca.n;
  const margin = 100 * z * Math.sqrt(npsVariance(ca) + npsVariance(cb));
  return { value, low: clamp(value - margin, -200, 200), high: clamp(value + margin, -200, 200) };
}

/** `summaryStats` of the answers `counts` describes. */
export function summaryStatsFromCounts(type: string, counts: ValueCounts): SummaryStats {
  assertCounts(counts);
  const r = (i: Interval | null) => (i ? { value: round(i.value, 3), low: round(i.low, 3), high: round(i.high, 3) } : undefined);
  switch (type) {
    case "likert":
    case "csat": {
      let sum = 0;
      for (const [v, k] of counts) {
        if (typeof v !== "number" || k === 0) continue;
        if (!Number.isFinite(v)) throw new RangeError(`mean of a non-finite value (${v})`);
        sum += v * k;
      }
      const top = topBoxCounts(counts, 4);
      return { mean: round(top.n ? sum / top.n : 0, 2), topBox: r(wilsonInterval(top.successes, top.n)) };
    }
    case "nps": {
      const c = npsCountsOf(counts);
      if (c.n === 0) return { nps: undefined };
      const value = (100 * (c.promoters - c.detractors)) / c.n;
      const margin = 100 * 1.96 * Math.sqrt(npsVariance(c));
      return { nps: { value: round(value, 1), low: round(clamp(value - margin, -100, 100), 1), high: round(clamp(value + margin, -100, 100), 1) } };
    }
    case "yesno": {
      let yes = 0;
      let n = 0;
      for (const [v, k] of counts) {
        n += k;
        if (v === "yes") yes += k;
      }
      return { yes: r(wilsonInterval(yes, n)) };
    }
    default:
      return {};
  }
}
