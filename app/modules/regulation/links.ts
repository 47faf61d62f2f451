import { counted, plural } from "~/lib/text/plural";

export type LinkCounts = { irritants: number; actions: number; indicators: number };

/**
 * What links to an entry, in one French sentence with real plurals: "3 signalements, 2 actions concernent cette
 * obligation", "1 indicateur concerne cette obligation"; null when nothing does.
 */
export function linkSentence(counts: LinkCounts): string | null {
  const parts = [
    counts.irritants ? counted(counts.irritants, "signalement", "signalements") : null,
    counts.actions ? counted(counts.actions, "action", "actions") : null,
    counts.indicators ? counted(counts.indicators, "indicateur", "indicateurs") : null,
  ].filter((part): part is string => part !== null);
  if (!parts.length) return null;
  const total = counts.irritants + counts.actions + counts.indicators;
  const list = parts.join(", ");
  return `${list} ${plural(total, "concerne", "concernent")} cette obligation`;
}
