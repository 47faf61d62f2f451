/**
 * Fuzzy deadlines of the action plan, as people write them in French slide tables
 * ("Décembre 23", "T1 2024", "Février - Mars 24", "En cours", "Aujourd'hui - fin de la Vague 1"…).
 *
 * Pure module, no dependencies, never throws. The label is always kept exactly as written; the
 * parser only adds a machine-readable due date ("YYYY-MM-DD", the LAST day of the period the label
 * designates) when it is sure of it. Anything it does not understand comes back as `unparsed` so
 * the team can fix it, it is never rejected.
 *
 * Conventions (documented here because a slide rarely says what it means):
 * - Two-digit years are 20xx ("Décembre 23" → 2023). They are accepted after a month name, a
 *   quarter or a semester ("T4 24") and in dd/mm/yy, never alone ("24") and never as "mm/yy"
 *   ("10/12" could be 10 December as well as October 2012).
 * - Four-digit years are accepted from 1900 to 2999; anything else is unparsed.
 * - "Fin <période>" is the end of that period ("Fin 2024" → 2024-12-31, "Fin mars 2024" → 2024-03-31).
 * - "Début <année>" is the end of the FIRST QUARTER of that year ("Début 2025" → 2025-03-31,
 *   period "quarter"); "Mi-<année>" is the end of the first semester ("Mi-2024" → 2024-06-30,
 *   period "semester").
 * - A range ("Janvier / février 2024", "T1 - T2 2024", "2024-2025", "Décembre 2023 - Janvier 2024")
 *   is due at the end of its last period, period "range". A term without a year takes the year of
 *   the term that follows it ("Novembre - Décembre 2024"), or the year before when it would
 *   otherwise start after it ("Décembre - Janvier 2024" = December 2023 to January 2024). A bare
 *   year never lends its year ("Janvier et 2024" is unparsed). Reversed ranges ("2025-2024") are
 *   unparsed. A year glued to its period by a dash or a slash is not a range ("T1-2024",
 *   "Janvier - 2024" are T1 2024 and January 2024).
 * - Separators between the terms of a range: "-", "–", "—", "/", "+", "&", "et", "à", "au",
 *   "jusqu'à", with an optional leading "du", "de" or "entre".
 * - "d'ici …" and "au plus tard …" are just the deadline ("d'ici fin 2024" → 2024-12-31).
 * - Ongoing labels ("En cours", "En continu", "Continu", "Permanent", "En permanence",
 *   "Au fil de l'eau", anything starting with "Aujourd'hui" or mentioning a "vague") are
 *   `ongoing`, unless they also carry a parseable date: "Aujourd'hui - juin 2024" is a range due
 *   2024-06-30, "Vague 1 (T3 2024)" and "En cours - T2 2024" are due at the end of that period.
 * - A question mark ("T1 2024 ?") marks an uncertain date: it is left unparsed for the team.
 */

type DeadlinePeriod = "month" | "quarter" | "semester" | "year" | "range" | "day";

export type ParsedDeadline =
  | { kind: "date"; label: string; due: string; period: DeadlinePeriod }
  | { kind: "ongoing"; label: string; due: null }
  | { kind: "unparsed"; label: string; due: null };

type TermPeriod = Exclude<DeadlinePeriod, "range">;

interface Span {
  start: string; // ISO date of the first day
  end: string; // ISO date of the last day
}

interface Term {
  period: TermPeriod;
  /** The year written in the term, or null when the term needs one from the next term. */
  year: number | null;
  /** Whether a following year-less term may take this term's year (false for a bare year). */
  lendsYear: boolean;
  span(year: number): Span | null;
}

interface Dated {
  due: string;
  period: DeadlinePeriod;
}

interface RangeResult extends Span {
  period: DeadlinePeriod;
  lendsYear: boolean;
}

const MAX_LABEL_LENGTH = 120;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function monthsSpan(year: number, firstMonth: number, lastMonth: number): Span {
  return { start: iso(year, firstMonth, 1), end: iso(year, lastMonth, daysInMonth(year, lastMonth)) };
}

function daySpan(year: number, month: number, day: number): Span | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const d = iso(year, month, day);
  return { start: d, end: d };
}

/** "2024" → 2024, "24" → 2024; null when absent or outside [MIN_YEAR, MAX_YEAR]. */
function parseYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = Number(text);
  const year = text.length === 2 ? 2000 + n : n;
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
}

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/**
 * Lowercase, accent-free, single-spaced text: NFKC first (non-breaking and narrow spaces become
 * spaces, "3ᵉ" becomes "3e"), then accents are stripped, apostrophes and dashes unified, dots of
 * numeric dates turned into slashes ("15.03.2024") and other dots into spaces ("janv. 2024").
 */
function normalize(raw: string): string {
  let s = raw
    .normalize("NFKC")
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘ʼ´`′]/g, "'")
    .replace(/\s*(?:->|=>|→|⇒|⟶)\s*/g, " - ")
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/\b(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b/g, "$1/$2/$3")
    .replace(/\b(\d{1,2})\.(\d{4})\b/g, "$1/$2")
    .replace(/\./g, " ")
    .replace(/\s+/g, " ")
    .trim();
  // Bullets and footnote markers around the label, and parentheses wrapping all of it.
  s = s.replace(/^[\s*•·:;,!-]+/, "").replace(/[\s*•·:;,!-]+$/, "");
  if (s.startsWith("(") && s.endsWith(")") && !s.slice(1, -1).includes("(")) s = s.slice(1, -1).trim();
  return s;
}

// ---------------------------------------------------------------------------------------------
// Terms: one period, with or without a year
// ---------------------------------------------------------------------------------------------

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, jan: 1,
  fevrier: 2, fevr: 2, fev: 2,
  mars: 3, mar: 3,
  avril: 4, avr: 4,
  mai: 5,
  juin: 6,
  juillet: 7, juill: 7, juil: 7,
  aout: 8,
  septembre: 9, sept: 9, sep: 9,
  octobre: 10, oct: 10,
  novembre: 11, nov: 11,
  decembre: 12, dec: 12,
};
const MONTH_ALTERNATION = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");

/** Optional year after a month, quarter or semester: "2024", "24", "'24", "-2024". */
const YEAR_SUFFIX = String.raw`(?:\s*[-'/]?\s*(\d{4}|\d{2}))?`;

const RE_DAY_NUMERIC = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})$/;
const RE_DAY_ISO = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;
const RE_MONTH_NUMERIC = /^(\d{1,2})[/-](\d{4})$/;
const RE_MONTH_ISO = /^(\d{4})[/-](\d{1,2})$/;
const RE_YEAR = /^(\d{4})$/;
const RE_MONTH_NAME = new RegExp(
  String.raw`^(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?(?:(\d{1,2})(?:er)?\s*)?(${MONTH_ALTERNATION})` +
    String.raw`(?:\s+(?:de\s+|d'))?` +
    YEAR_SUFFIX +
    "$",
);
const RE_QUARTER = new RegExp(String.raw`^[tq]([1-4])` + YEAR_SUFFIX + "$");
const RE_SEMESTER = new RegExp(String.raw`^[sh]([12])` + YEAR_SUFFIX + "$");
const RE_ORDINAL_PERIOD = new RegExp(
  String.raw`^(\d|premier|premiere|second|seconde|deuxieme|troisieme|quatrieme|dernier)\s*(?:er|ere|re|eme|em|e|nd|nde|d|de)?\s*` +
    String.raw`(trimestre|trim|semestre|sem)(?:\s+(?:de\s+|d'|en\s+))?` +
    YEAR_SUFFIX +
    "$",
);
const RE_END_OF = /^fin(?:\s*-\s*|\s+)(?:(?:de l'|d')annee\s+|de\s+|d')?(.+)$/;
const RE_START_OF_YEAR = /^debut(?:\s*-\s*|\s+)(?:(?:de l'|d')annee\s+|de\s+|d')?(\d{4})$/;
const RE_MID_YEAR = /^mi(?:\s*-\s*|\s+)?(?:annee\s+)?(\d{4})$/;

function ordinalValue(word: string, last: number): number | null {
  switch (word) {
    case "premier":
    case "premiere":
      return 1;
    case "second":
    case "seconde":
    case "deuxieme":
      return 2;
    case "troisieme":
      return 3;
    case "quatrieme":
      return 4;
    case "dernier":
      return last;
    default:
      return /^\d$/.test(word) ? Number(word) : null;
  }
}

/** A term with an optional year ("janvier", "t1", "15 mars") or a mandatory one ("2024", "03/2024"). */
function term(period: TermPeriod, year: number | null, build: (year: number) => Span | null, lendsYear = true): Term {
  return { period, year, lendsYear, span: build };
}

/** An explicit (written, possibly two-digit) year that is out of range makes the whole term invalid. */
function optionalYear(text: string | undefined): number | null | undefined {
  if (text === undefined) return null;
  const year = parseYear(text);
  return year === null ? undefined : year;
}

function parseTerm(s: string): Term | null {
  let m: RegExpExecArray | null;

  if ((m = RE_DAY_NUMERIC.exec(s))) {
    const year = parseYear(m[4]);
    const month = Number(m[3]);
    const day = Number(m[1]);
    return year === null ? null : term("day", year, (y) => daySpan(y, month, day));
  }
  if ((m = RE_DAY_ISO.exec(s))) {
    const year = parseYear(m[1]);
    const month = Number(m[3]);
    const day = Number(m[4]);
    return year === null ? null : term("day", year, (y) => daySpan(y, month, day));
  }
  if ((m = RE_MONTH_NUMERIC.exec(s)) || (m = RE_MONTH_ISO.exec(s))) {
    const [a, b] = [m[1], m[2]];
    const year = parseYear(a.length === 4 ? a : b);
    const month = Number(a.length === 4 ? b : a);
    if (year === null || month < 1 || month > 12) return null;
    return term("month", year, (y) => monthsSpan(y, month, month));
  }
  if ((m = RE_YEAR.exec(s))) {
    const year = parseYear(m[1]);
    return year === null ? null : term("year", year, (y) => monthsSpan(y, 1, 12), false);
  }
  if ((m = RE_MONTH_NAME.exec(s))) {
    const year = optionalYear(m[3]);
    const month = MONTHS[m[2]];
    if (year === undefined || month === undefined) return null;
    if (m[1] !== undefined) {
      const day = Number(m[1]);
      return term("day", year, (y) => daySpan(y, month, day));
    }
    return term("month", year, (y) => monthsSpan(y, month, month));
  }
  if ((m = RE_QUARTER.exec(s))) {
    const year = optionalYear(m[2]);
    const q = Number(m[1]);
    return year === undefined ? null : term("quarter", year, (y) => monthsSpan(y, 3 * q - 2, 3 * q));
  }
  if ((m = RE_SEMESTER.exec(s))) {
    const year = optionalYear(m[2]);
    const h = Number(m[1]);
    return year === undefined ? null : term("semester", year, (y) => monthsSpan(y, 6 * h - 5, 6 * h));
  }
  if ((m = RE_ORDINAL_PERIOD.exec(s))) {
    const year = optionalYear(m[3]);
    if (year === undefined) return null;
    if (m[2].startsWith("trim")) {
      const q = ordinalValue(m[1], 4);
      if (q === null || q < 1 || q > 4) return null;
      return term("quarter", year, (y) => monthsSpan(y, 3 * q - 2, 3 * q));
    }
    const h = ordinalValue(m[1], 2);
    if (h === null || h < 1 || h > 2) return null;
    return term("semester", year, (y) => monthsSpan(y, 6 * h - 5, 6 * h));
  }
  if ((m = RE_START_OF_YEAR.exec(s))) {
    const year = parseYear(m[1]);
    return year === null ? null : term("quarter", year, (y) => monthsSpan(y, 1, 3), false);
  }
  if ((m = RE_MID_YEAR.exec(s))) {
    const year = parseYear(m[1]);
    return year === null ? null : term("semester", year, (y) => monthsSpan(y, 1, 6), false);
  }
  if ((m = RE_END_OF.exec(s))) {
    // "Fin <période>" is due when the period is: same term, whatever it is.
    return parseTerm(m[1].trim());
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Ranges: terms joined by separators, the last one with a year
// ---------------------------------------------------------------------------------------------

const RE_RANGE_SEPARATOR = /\s*(?:-|\/|\+|&|\bet\b|\bjusqu'(?:a|au|en)\b|\bau\b|\ba\b)\s*/g;
const RE_RANGE_PREFIX = /^(?:du|de|d'|entre)\s*/;
const RE_DEADLINE_PREFIX = /^(?:d'ici(?:\s+(?:a la|au|a|la|le|l'))?|au plus tard(?:\s+(?:le|en|au|a))?)\s*/;

function parseRange(s: string, depth = 0): RangeResult | null {
  if (depth > 6) return null;

  const single = parseTerm(s);
  if (single && single.year !== null) {
    const span = single.span(single.year);
    if (span) return { ...span, period: single.period, lendsYear: single.lendsYear };
  }

  for (const sep of s.matchAll(RE_RANGE_SEPARATOR)) {
    const index = sep.index ?? 0;
    const left = s.slice(0, index).trim();
    const right = s.slice(index + sep[0].length).trim();
    if (!left || !right) continue;

    const first = parseTerm(left);
    if (!first) continue;
    const rest = parseRange(right, depth + 1);
    if (!rest) continue;

    let span: Span | null;
    if (first.year !== null) {
      span = first.span(first.year);
    } else {
      if (!rest.lendsYear) continue;
      const year = Number(rest.start.slice(0, 4));
      span = first.span(year);
      if (!span || span.start > rest.start) span = first.span(year - 1);
    }
    if (!span || span.start > rest.start || span.end > rest.end) continue;

    return { start: span.start, end: rest.end, period: "range", lendsYear: first.lendsYear };
  }
  return null;
}

function parseDated(s: string): Dated | null {
  let text = s.replace(RE_DEADLINE_PREFIX, "");
  let result = parseRange(text);
  if (!result) {
    text = text.replace(RE_RANGE_PREFIX, "");
    result = text ? parseRange(text) : null;
  }
  return result ? { due: result.end, period: result.period } : null;
}

// ---------------------------------------------------------------------------------------------
// Ongoing labels
// ---------------------------------------------------------------------------------------------

const RE_FROM_TODAY = /^(?:aujourd'?\s?hui|des maintenant|des a present|a partir d'aujourd'?\s?hui)\b/;
const RE_ONGOING = /^(?:en cours|en continu|continue?|permanente?|en permanence|au fil de l'eau|recurrente?)\b/;
const RE_WAVE = /\bvagues?\b/;
const RE_FROM_TODAY_LINK = /^(?:[\s/:-]+)?(?:(?:jusqu'(?:a|au|en)|a|au)\b\s*)?/;

/** The last dated piece of an ongoing label: "Vague 1 (T3 2024)", "En cours - T2 2024". */
function lastDatedSegment(s: string): Dated | null {
  const segments: string[] = [];
  const outside = s.replace(/\(([^()]*)\)/g, (_all, inner: string) => {
    segments.push(inner.trim());
    return " , ";
  });
  segments.unshift(...outside.split(/\s+-\s+|[,;:]/).map((x) => x.trim()));
  let found: Dated | null = null;
  for (const segment of segments) {
    if (!segment) continue;
    const dated = parseDated(segment);
    if (dated) found = dated;
  }
  return found;
}

function parseOngoing(s: string): Dated | "ongoing" | null {
  const today = RE_FROM_TODAY.exec(s);
  if (today) {
    const rest = s.slice(today[0].length).replace(RE_FROM_TODAY_LINK, "").trim();
    const dated = rest ? (parseDated(rest) ?? lastDatedSegment(rest)) : null;
    return dated ? { due: dated.due, period: "range" } : "ongoing";
  }
  if (RE_ONGOING.test(s) || RE_WAVE.test(s)) return lastDatedSegment(s) ?? "ongoing";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Reads a deadline as written in a slide table. Never throws: what it cannot read is returned as
 * `unparsed` with the label untouched. `due` is the last day of the designated period.
 */
export function parseFuzzyDeadline(label: string): ParsedDeadline {
  const kept = typeof label === "string" ? label : String(label ?? "");
  try {
    const s = normalize(kept);
    if (!s || s.length > MAX_LABEL_LENGTH || s.includes("?")) return { kind: "unparsed", label: kept, due: null };

    const dated = parseDated(s);
    if (dated) return { kind: "date", label: kept, due: dated.due, period: dated.period };

    const ongoing = parseOngoing(s);
    if (ongoing === "ongoing") return { kind: "ongoing", label: kept, due: null };
    if (ongoing) return { kind: "date", label: kept, due: ongoing.due, period: ongoing.period };
  } catch {
    // Fall through: an unreadable label is kept as written.
  }
  return { kind: "unparsed", label: kept, due: null };
}

function displayLabel(label: string): string {
  const text = typeof label === "string" ? label.replace(/\s+/g, " ").trim() : "";
  return text || "(non renseignée)";
}

/**
 * One-line history entry for a deadline change: "échéance reportée de T1 2024 à S1 2024" when the
 * new due date is later, "échéance avancée de … à …" when it is earlier, "échéance modifiée de … à …"
 * otherwise (same due date, or either side ongoing or unparsed). Labels are shown as written
 * (whitespace collapsed); an empty label is shown as "(non renseignée)".
 */
export function formatDeadlineChange(fromLabel: string, toLabel: string): string {
  const from = parseFuzzyDeadline(fromLabel);
  const to = parseFuzzyDeadline(toLabel);
  let verb = "modifiée";
  if (from.kind === "date" && to.kind === "date") {
    if (to.due > from.due) verb = "reportée";
    else if (to.due < from.due) verb = "avancée";
  }
  return `échéance ${verb} de ${displayLabel(fromLabel)} à ${displayLabel(toLabel)}`;
}

/**
 * True only for a dated, unfinished action whose due date is strictly before today (the due day
 * itself is not late). `todayIso` is a calendar date "YYYY-MM-DD" (a longer ISO string is cut to
 * its date part); an invalid one never makes anything overdue.
 */
export function isOverdue(parsed: ParsedDeadline, todayIso: string, done: boolean): boolean {
  if (done || !parsed || parsed.kind !== "date") return false;
  if (typeof todayIso !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(todayIso)) return false;
  return parsed.due < todayIso.slice(0, 10);
}
