import { toCsv } from "~/lib/csv";
import type { CampaignResults } from "./results.server";

const num = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v).replace(".", ","));

/** The published results as CSV: one line per question (and per software), suppressed cells left empty and marked. */
export function resultsToCsv(results: CampaignResults) {
  const header = ["question", "libellé", "logiciel", "répondants", "masqué", "moyenne", "part satisfaits", "IC bas", "IC haut", "NPS", "NPS IC bas", "NPS IC haut", "répartition"];
  const lines: string[][] = [];
  for (const item of results.items) {
    const rows = [{ subject: "tous", n: item.n, suppressed: item.suppressed, stats: item.stats, distribution: item.distribution }, ...item.bySubject.map((s) => ({ ...s, subject: s.subject.name }))];
    for (const r of rows) {
      const s = r.stats;
      const share = s?.topBox ?? s?.yes;
      lines.push(
        [
          item.key,
          item.label,
          r.subject,
          r.suppressed ? "" : num(r.n),
          r.suppressed ? "oui" : "non",
          num(s?.mean),
          num(share?.value),
          num(share?.low),
          num(share?.high),
          num(s?.nps?.value),
          num(s?.nps?.low),
          num(s?.nps?.high),
          r.distribution ? r.distribution.map((d) => `${d.label}: ${d.count}`).join(" | ") : "",
        ].map(String),
      );
    }
  }
  return toCsv(header, lines);
}
