const dateTimeFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });
const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" });

/** Dates are stored as ISO 8601 in UTC and shown in Paris time. */
export function formatDateTime(iso: string) {
  return dateTimeFormat.format(new Date(iso));
}

export function formatDate(iso: string) {
  return dateFormat.format(new Date(iso));
}
