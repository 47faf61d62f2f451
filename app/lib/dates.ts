const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** Dates are stored as ISO 8601 in UTC and shown in Paris time. */
export function formatDateTime(iso: string) {
  return dateTimeFormat.format(new Date(iso));
}

export function formatDate(iso: string) {
  return dateFormat.format(new Date(iso));
}

const dayFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" });

/** A calendar day stored as "AAAA-MM-JJ", in French ("12 mars 2027"), whatever the time zone. */
export function formatDay(day: string) {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

// Built once: building a formatter costs more than the root loader's queries (issue 21, CPU profile).
const parisDayFormat = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's calendar day in Paris, as "AAAA-MM-JJ" (the value of an `<input type="date">`). */
export function todayInParis(now = new Date()) {
  return parisDayFormat.format(now);
}

/** Whether "AAAA-MM-JJ" is a real calendar day (not 2027-02-30). */
export function isCalendarDay(day: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });

/**
 * An indicator's period as people read it: "2024-01" → "janvier 2024", "2024" stays "2024", anything else as it is.
 * Pages only: CSV and JSON files keep the ISO period.
 */
export function formatPeriod(period: string) {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  return m ? monthFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 15))) : period;
}
