import { describe, expect, it } from "vitest";
import { NO_SUBJECT_NAME, secureLegacySnapshot, type LegacySnapshot } from "~/modules/surveys/snapshots";

const dist = (...counts: number[]) => counts.map((count, i) => ({ value: i + 1, label: String(i + 1), count }));
const cell = (name: string, counts: number[]) => ({
  subject: { id: 1, name },
  n: counts.reduce((s, c) => s + c, 0),
  suppressed: false,
  distribution: dist(...counts),
  stats: { mean: 3 },
});
const masked = (name: string) => ({ subject: { id: 2, name }, n: null, suppressed: true, distribution: null, stats: null });

/** A snapshot as format 1 published it: 12 + 11 rated software, one more person named none and is left out of the cells. */
function legacy(): LegacySnapshot {
  return {
    minCell: 10,
    items: [
      {
        key: "satisfaction-globale",
        type: "likert",
        n: 24,
        suppressed: false,
        distribution: dist(2, 5, 6, 6, 5),
        bySubject: [cell("AzurMed", [1, 3, 3, 3, 2]), cell("Brume Cabinet", [1, 1, 3, 3, 3])],
      },
    ],
  };
}

describe("secureLegacySnapshot", () => {
  it("makes the left-out remainder a cell and masks it with a complementary cell, changing no figure it keeps", () => {
    const secured = secureLegacySnapshot(legacy(), 10);
    const item = secured.items[0];
    expect(secured.format).toBe(2);
    expect(item.bySubject.map((c) => [c.subject.name, c.suppressed])).toEqual([
      ["AzurMed", false],
      ["Brume Cabinet", true],
      [NO_SUBJECT_NAME, true],
    ]);
    expect(item.bySubject[0]).toEqual(legacy().items[0].bySubject[0]);
    expect(item.n).toBe(24);
    // What subtraction now gives: 24 − 12 = 12 people over two hidden cells.
    expect(item.n! - item.bySubject.filter((c) => !c.suppressed).reduce((s, c) => s + c.n!, 0)).toBe(12);
  });

  it("shows a large remainder with its figures rebuilt from the published total", () => {
    const snapshot = legacy();
    snapshot.items[0].n = 35;
    snapshot.items[0].distribution = dist(3, 7, 9, 9, 7);
    const remainder = secureLegacySnapshot(snapshot, 10).items[0].bySubject.at(-1)!;
    expect(remainder).toMatchObject({ subject: { name: NO_SUBJECT_NAME }, n: 12, suppressed: false, distribution: dist(1, 3, 3, 3, 2) });
    expect(remainder.stats?.topBox?.value).toBeCloseTo(5 / 12, 3);
  });

  it("leaves rows alone when nothing is left over, a cell was already masked, or the question was masked; is idempotent", () => {
    const full = legacy();
    full.items[0].n = 23;
    full.items[0].distribution = dist(2, 4, 6, 6, 5);
    expect(secureLegacySnapshot(full, 10).items[0]).toEqual(full.items[0]);
    const already = legacy();
    already.items[0].bySubject.push(masked("Cèdre Labo"), masked("Brume Imagerie"));
    expect(secureLegacySnapshot(already, 10).items[0]).toEqual(already.items[0]);
    const once = secureLegacySnapshot(legacy(), 10);
    expect(secureLegacySnapshot(once, 10)).toBe(once);
  });
});
