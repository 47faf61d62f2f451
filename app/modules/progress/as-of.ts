/**
 * What a point d'étape reads as of its day (pure): which indicator values were known, which point came before it,
 * and whether a dated event falls between the previous point and this one. A day is "YYYY-MM-DD"; a timestamp is
 * compared by its UTC calendar date, and the day itself counts (the window is "after the previous point's day, up to
 * and including this one's").
 */

type Value = { period: string; dimension: string; value: number };

const dayOf = (timestamp: string) => timestamp.slice(0, 10);

/**
 * True when a period ("YYYY-MM", "YYYY", or "" for a series without time) was over, or under way, by `day`: a month
 * counts from its first day (a December value is the one the deck of January reads), a year only once it is over,
 * and a timeless value always.
 */
export function periodKnownBy(period: string, day: string): boolean {
  if (period === "") return true;
  if (/^\d{4}$/.test(period)) return period < day.slice(0, 4);
  return period <= day.slice(0, 7);
}

/** The values of a series known by `day`. */
export function valuesAsOf<V extends Value>(values: readonly V[], day: string): V[] {
  return values.filter((v) => periodKnownBy(v.period, day));
}

export type HeadlineFigure = { period: string; value: number; previous: { period: string; value: number } | null };

/**
 * A series' headline figure as of `day`: its latest dated period then, summed over its dimensions (a series by
 * "couloir" gives its total), with the period before for comparison; null when no dated value was known yet.
 */
export function headlineAsOf(values: readonly Value[], day: string): HeadlineFigure | null {
  const known = valuesAsOf(values, day).filter((v) => v.period !== "");
  const periods = [...new Set(known.map((v) => v.period))].sort();
  const total = (period: string) => known.filter((v) => v.period === period).reduce((sum, v) => sum + v.value, 0);
  const last = periods.at(-1);
  if (!last) return null;
  const before = periods.at(-2);
  return { period: last, value: round(total(last)), previous: before ? { period: before, value: round(total(before)) } : null };
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** The published point that came before a point of day `day`: the latest other one whose day is earlier. */
export function previousPoint<P extends { id: number; day: string }>(points: readonly P[], current: { id: number; day: string }): P | null {
  let best: P | null = null;
  for (const p of points) if (p.id !== current.id && p.day < current.day && (!best || p.day > best.day || (p.day === best.day && p.id > best.id))) best = p;
  return best;
}

/** True when a timestamp falls after the previous point's day (when there is one) and by the end of `day`. */
export function inWindow(timestamp: string, since: string | null, day: string): boolean {
  const d = dayOf(timestamp);
  return d <= day && (since === null || d > since);
}

/** The day `months` months before (negative) or after `day`, clamped to the month's end ("2024-03-31" − 1 → "2024-02-29"). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The regulatory calendar's window around a point's day: six months back, twelve ahead. */
export function regulatoryWindow(day: string) {
  return { from: addMonths(day, -6), to: addMonths(day, 12) };
}
