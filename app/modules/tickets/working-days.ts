/**
 * Working-day arithmetic for vendor SLAs, in the Europe/Paris calendar.
 *
 * Pure module, no dependencies. Instants are given as ISO 8601 strings and are
 * converted to the Paris *calendar date* with Intl.DateTimeFormat (which knows
 * the CET/CEST rules); every computation after that is done on calendar dates
 * ("YYYY-MM-DD") using UTC-based Date arithmetic, so the host time zone never
 * matters.
 *
 * Holidays are the eleven public holidays of metropolitan France
 * (Code du travail, art. L3133-1). The two extra days observed in
 * Alsace-Moselle (Good Friday and 26 December) are deliberately NOT included.
 * Whit Monday is kept as a holiday even though many employers use it as the
 * "journée de solidarité".
 */

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  if (!Number.isInteger(year) || year < 1583) {
    throw new RangeError(`easterSunday: invalid Gregorian year ${year}`);
  }
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}

// ---------------------------------------------------------------------------
// Calendar-date helpers (day numbers = days since 1970-01-01, UTC based)

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

function toDayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

function dayNumberToIso(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Parses a strict "YYYY-MM-DD" calendar date into a day number; throws on invalid input. */
function isoDateToDayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new RangeError(`Invalid ISO date (expected YYYY-MM-DD): ${isoDate}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const dayNumber = toDayNumber(year, month, day);
  // Reject impossible dates such as 2024-02-30 (Date.UTC would roll them over).
  if (dayNumberToIso(dayNumber) !== isoDate) {
    throw new RangeError(`Invalid calendar date: ${isoDate}`);
  }
  return dayNumber;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 (day 0) was a Thursday. */
function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

// ---------------------------------------------------------------------------
// Europe/Paris conversion

let parisFormatter: Intl.DateTimeFormat | undefined;

function getParisFormatter(): Intl.DateTimeFormat {
  parisFormatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/Paris",
    calendar: "gregory",
    numberingSystem: "latn",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  return parisFormatter;
}

/**
 * Parses an ISO 8601 instant. Date-time strings without an offset are treated
 * as UTC (rather than host-local time); date-only strings are UTC midnight.
 */
function parseInstant(iso: string): Date {
  let text = iso.trim();
  if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += "Z";
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid ISO date-time: ${iso}`);
  return date;
}

/** Day number of the Paris calendar date of an ISO instant. */
function parisDayNumber(iso: string): number {
  const parts = getParisFormatter().formatToParts(parseInstant(iso));
  const get = (type: Intl.DateTimeFormatPartTypes): number => {
    const part = parts.find((p) => p.type === type);
    if (!part) throw new RangeError(`Could not compute the Paris date of ${iso}`);
    return Number(part.value);
  };
  return toDayNumber(get("year"), get("month"), get("day"));
}

/** The Paris calendar date ("YYYY-MM-DD") of an ISO instant. */
export function parisDate(iso: string): string {
  return dayNumberToIso(parisDayNumber(iso));
}

// ---------------------------------------------------------------------------
// Holidays

/** Public holidays of metropolitan France for `year`, as sorted "YYYY-MM-DD" strings. */
export function frenchPublicHolidays(year: number): string[] {
  return [...holidaySet(year)].sort();
}

const holidayCache = new Map<number, ReadonlySet<string>>();

function holidaySet(year: number): ReadonlySet<string> {
  const cached = holidayCache.get(year);
  if (cached) return cached;

  const easter = easterSunday(year);
  const easterDay = toDayNumber(easter.year, easter.month, easter.day);
  const fixed = (month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  const set = new Set<string>([
    fixed(1, 1), // Jour de l'an
    dayNumberToIso(easterDay + 1), // Lundi de Pâques
    fixed(5, 1), // Fête du travail
    fixed(5, 8), // Victoire 1945
    dayNumberToIso(easterDay + 39), // Ascension
    dayNumberToIso(easterDay + 50), // Lundi de Pentecôte
    fixed(7, 14), // Fête nationale
    fixed(8, 15), // Assomption
    fixed(11, 1), // Toussaint
    fixed(11, 11), // Armistice 1918
    fixed(12, 25), // Noël
  ]);
  holidayCache.set(year, set);
  return set;
}

function isWorkingDayNumber(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  if (weekday === 0 || weekday === 6) return false;
  const iso = dayNumberToIso(dayNumber);
  return !holidaySet(Number(iso.slice(0, 4))).has(iso);
}

// ---------------------------------------------------------------------------
// Public API

/** True when `isoDate` ("YYYY-MM-DD") is neither a Saturday, a Sunday nor a French public holiday. */
export function isWorkingDay(isoDate: string): boolean {
  return isWorkingDayNumber(isoDateToDayNumber(isoDate));
}

/**
 * The Paris calendar date ("YYYY-MM-DD") that is `days` working days after the
 * Paris date of `fromIso`. The start day itself never counts (filed on a
 * Friday, +1 → the next Monday unless it is a holiday). `days = 0` returns the
 * start's Paris date, whether or not it is a working day.
 */
export function addWorkingDays(fromIso: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`addWorkingDays: days must be a non-negative integer, got ${days}`);
  }
  let current = parisDayNumber(fromIso);
  let remaining = days;
  while (remaining > 0) {
    current += 1;
    if (isWorkingDayNumber(current)) remaining -= 1;
  }
  return dayNumberToIso(current);
}

/**
 * Number of working days strictly after the Paris date of `startIso`, up to and
 * including the Paris date of `endIso` (0 when same day or end before start).
 * This is the SLA "elapsed working days".
 */
export function workingDaysBetween(startIso: string, endIso: string): number {
  const start = parisDayNumber(startIso);
  const end = parisDayNumber(endIso);
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDayNumber(day)) count += 1;
  }
  return count;
}

/** True when the Paris date of `nowIso` is strictly after `dueDate` ("YYYY-MM-DD"). */
export function isOverdue(dueDate: string, nowIso: string): boolean {
  return parisDayNumber(nowIso) > isoDateToDayNumber(dueDate);
}
