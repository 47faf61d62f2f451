import { summaryStats, suppressSmallCells, type DistributionRow, type SummaryStats } from "./statistics";

/** The parts of a published snapshot this module reads and masks (the shape of `CampaignResults`, format 1 or 2). */
type SnapshotCell = { subject: { id: number | null; name: string }; n: number | null; suppressed: boolean; distribution: DistributionRow[] | null; stats: SummaryStats | null };
type SnapshotItem = { key: string; type: string; n: number | null; suppressed: boolean; distribution: DistributionRow[] | null; bySubject: SnapshotCell[] };
export type LegacySnapshot = { format?: number; minCell: number; items: SnapshotItem[] };

export const NO_SUBJECT_NAME = "Non renseigné ou autre";

/**
 * Makes a snapshot published before format 2 safe against subtraction, without changing any figure it showed:
 * it only masks. Those snapshots left the respondents who named no software out of the cells, so when no cell was
 * suppressed, total − Σ cells gave back that remainder however small. Here the remainder becomes a cell
 * ("Non renseigné ou autre", its figures rebuilt by that same subtraction) and the row goes through the same
 * suppression as new results: a small remainder is masked together with a complementary cell. When a cell was
 * already suppressed, the old rule had hidden at least two cells summing to k or more, which the remainder only
 * joins, so the row is left as it was. Idempotent: format-2 snapshots are returned unchanged.
 */
export function secureLegacySnapshot<T extends LegacySnapshot>(results: T, k: number): T {
  if (results.format === 2) return results;
  const items = results.items.map((item) => {
    if (item.suppressed || item.n === null || item.bySubject.some((c) => c.suppressed)) return item;
    const known = item.bySubject.reduce((s, c) => s + (c.n ?? 0), 0);
    const rest = item.n - known;
    if (rest <= 0) return item;
    const restDistribution = item.distribution?.map((row) => ({
      ...row,
      count: row.count - item.bySubject.reduce((s, c) => s + (c.distribution?.find((d) => d.value === row.value)?.count ?? 0), 0),
    }));
    const remainder: SnapshotCell = {
      subject: { id: null, name: NO_SUBJECT_NAME },
      n: rest,
      suppressed: false,
      distribution: restDistribution ?? null,
      stats: restDistribution ? summaryStats(item.type, restDistribution.flatMap((d) => Array<number | string>(d.count).fill(d.value))) : null,
    };
    const cells = [...item.bySubject, remainder];
    const published = suppressSmallCells(
      cells.map((c, i) => ({ key: String(i), n: c.n ?? 0, data: c })),
      k,
      item.n,
    );
    return {
      ...item,
      bySubject: published.map((p, i) => (p.suppressed ? { ...cells[i], n: null, suppressed: true, distribution: null, stats: null } : cells[i])),
    };
  });
  return { ...results, items, format: 2 };
}
