import type { ObligationStatus } from "./vocabulary";

/** One line of the regulatory calendar: an entry of the register, or a document type of an entry's table. */
type CalendarItem =
  | { kind: "entry"; slug: string; title: string; status: ObligationStatus; label: string }
  | { kind: "document"; slug: string; title: string; status: ObligationStatus; label: string; documentType: string };

type DatedEntry = { slug: string; title: string; status: ObligationStatus; effective: { label: string; due: string | null } };
type DocumentRow = { documentType: string; effectiveLabel: string; effectiveDue: string | null; obligation: { slug: string; title: string; status: ObligationStatus } };

/**
 * The calendar of `/reglementation`: every dated entry and every dated document type of the tables, grouped by due
 * day in date order (an entry before the documents of the same day); the entries without a sure date come apart, in
 * their given order, with their label as written. Pure.
 */
export function regulatoryCalendar(entries: readonly DatedEntry[], rows: readonly DocumentRow[]) {
  const items: (CalendarItem & { due: string })[] = [];
  for (const e of entries) if (e.effective.due) items.push({ kind: "entry", slug: e.slug, title: e.title, status: e.status, label: e.effective.label, due: e.effective.due });
  for (const r of rows) {
    if (r.effectiveDue) {
      items.push({ kind: "document", slug: r.obligation.slug, title: r.obligation.title, status: r.obligation.status, label: r.effectiveLabel, documentType: r.documentType, due: r.effectiveDue });
    }
  }
  const order = (i: CalendarItem) => (i.kind === "entry" ? 0 : 1);
  items.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : order(a) - order(b)));
  const dated: { due: string; items: CalendarItem[] }[] = [];
  for (const { due, ...item } of items) {
    const last = dated.at(-1);
    if (last?.due === due) last.items.push(item);
    else dated.push({ due, items: [item] });
  }
  return { dated, undated: entries.filter((e) => !e.effective.due) };
}
