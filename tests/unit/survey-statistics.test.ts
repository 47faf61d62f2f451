import { describe, expect, it } from "vitest";
import {
  PUBLIC_MIN_CELL,
  distribution,
  mean,
  nps,
  npsDifference,
  proportionDifference,
  responseRate,
  round,
  suppressSmallCells,
  provisionalCount,
  batchedCount,
  topBox,
  wilsonInterval,
} from "~/modules/surveys/statistics";

// Wilson score interval, z = 1.96, z² = 3.8416:
//   centre = (p + z²/2n) / (1 + z²/n)
//   half   = z · √(p(1−p)/n + z²/4n²) / (1 + z²/n)

describe("wilsonInterval", () => {
  it("matches the hand computation for 8/10", () => {
    // p = 0.8, 1 + z²/n = 1.38416
    // centre = (0.8 + 0.19208) / 1.38416 = 0.99208 / 1.38416 = 0.716738
    // half   = 1.96 · √(0.016 + 0.009604) / 1.38416 = 1.96 · 0.160012 / 1.38416 = 0.226582
    // → [0.4902, 0.9433]
    const r = wilsonInterval(8, 10)!;
    expect(r.value).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
  });

  it("is honest at 0% and 100%", () => {
    // 0/10: high = (0 + 0.19208 + 1.96 · √0.009604) / 1.38416 = (0.19208 + 0.19208) / 1.38416 = 0.277540
    const zero = wilsonInterval(0, 10)!;
    expect(zero.value).toBe(0);
    expect(zero.low).toBe(0);
    expect(zero.high).toBeCloseTo(0.2775, 4);
    // 10/10 mirrors it: low = 1 − 0.277540 = 0.722460
    const all = wilsonInterval(10, 10)!;
    expect(all.value).toBe(1);
    expect(all.low).toBeCloseTo(0.7225, 4);
    expect(all.high).toBe(1);
  });

  it("is symmetric: low(k, n) = 1 − high(n − k, n)", () => {
    for (const [k, n] of [[3, 17], [1, 2], [40, 41], [250, 1000]]) {
      const a = wilsonInterval(k, n)!;
      const b = wilsonInterval(n - k, n)!;
      expect(a.low).toBeCloseTo(1 - b.high, 12);
      expect(a.high).toBeCloseTo(1 - b.low, 12);
    }
  });

  it("narrows with a smaller z", () => {
    // z = 1 (≈68%): centre = (0.8 + 0.05)/1.1 = 0.772727, half = √(0.016 + 0.0025)/1.1 = 0.123650
    const r = wilsonInterval(8, 10, 1)!;
    expect(r.low).toBeCloseTo(0.649078, 5);
    expect(r.high).toBeCloseTo(0.896377, 5);
  });

  it("is null when n = 0 and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1, 10, 0)).toThrow(RangeError);
  });
});

describe("responseRate", () => {
  it("is a Wilson proportion of the invited", () => {
    const r = responseRate(8, 10)!;
    expect(r.value).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
    expect(r.successes).toBe(8);
    expect(r.n).toBe(10);
  });

  it("is null with nobody invited and refuses more responses than invitations", () => {
    expect(responseRate(0, 0)).toBeNull();
    expect(() => responseRate(12, 10)).toThrow(RangeError);
  });
});

describe("distribution", () => {
  const likert = [
    { value: 1, label: "Pas du tout d'accord" },
    { value: 2, label: "Plutôt pas d'accord" },
    { value: 3, label: "Ni d'accord ni pas d'accord" },
    { value: 4, label: "Plutôt d'accord" },
    { value: 5, label: "Tout à fait d'accord" },
  ];

  it("counts in scale order, zeros included, off-scale values not counted", () => {
    // 1 ×1, 2 ×1, 3 ×0, 4 ×3, 5 ×2; "NA" matches no scale point
    const rows = distribution([5, 4, 4, "NA", 2, 5, 1, 4], likert);
    expect(rows.map((r) => r.count)).toEqual([1, 1, 0, 3, 2]);
    expect(rows.map((r) => r.value)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[2]).toEqual({ value: 3, label: "Ni d'accord ni pas d'accord", count: 0 });
  });

  it("works with string scales and matches values strictly", () => {
    const scale = [
      { value: "oui", label: "Oui" },
      { value: "non", label: "Non" },
    ];
    expect(distribution(["non", "oui", "non"], scale).map((r) => r.count)).toEqual([1, 2]);
    // "4" is not 4: the caller must parse answers before counting
    expect(distribution(["4", 4], likert)[3].count).toBe(1);
  });

  it("returns the scale with zero counts for no answers and rejects duplicate scale values", () => {
    expect(distribution([], likert).every((r) => r.count === 0)).toBe(true);
    expect(() => distribution([1], [likert[0], likert[0]])).toThrow(RangeError);
  });
});

describe("mean", () => {
  it("averages and is null for no values", () => {
    expect(mean([])).toBeNull();
    expect(mean([1, 2, 3, 4])).toBe(2.5); // 10 / 4
    expect(mean([5])).toBe(5);
    expect(() => mean([1, Number.NaN])).toThrow(RangeError);
  });
});

describe("topBox", () => {
  it("is the share at or above the threshold, with its Wilson interval", () => {
    // [5,4,4,3,2,5,1,4] ≥ 4: 5, 4, 4, 5, 4 → 5/8 = 0.625, n = 8, 1 + z²/n = 1.4802
    // centre = (0.625 + 0.2401) / 1.4802 = 0.584448
    // half   = 1.96 · √(0.625·0.375/8 + 3.8416/256) / 1.4802 = 1.96 · √0.044303 / 1.4802 = 0.278710
    // → [0.3057, 0.8632]
    const r = topBox([5, 4, 4, 3, 2, 5, 1, 4], 4)!;
    expect(r.value).toBe(0.625);
    expect(r.successes).toBe(5);
    expect(r.n).toBe(8);
    expect(r.low).toBeCloseTo(0.3057, 4);
    expect(r.high).toBeCloseTo(0.8632, 4);
  });

  it("is null without answers", () => {
    expect(topBox([], 4)).toBeNull();
  });
});

describe("nps", () => {
  it("matches the hand computation", () => {
    // [10,10,9,8,7,6,0,10,9,5]: promoters 10,10,9,10,9 = 5; passives 8,7 = 2; detractors 6,0,5 = 3
    // NPS = 100 · (5 − 3) / 10 = 20
    // Var = (p + d − (p − d)²) / n = (0.5 + 0.3 − 0.04) / 10 = 0.076, SE = √0.076 = 0.275681
    // margin = 1.96 · 0.275681 = 0.540335 → 54.0335 points → [−34.0335, 74.0335]
    const r = nps([10, 10, 9, 8, 7, 6, 0, 10, 9, 5])!;
    expect(r.value).toBe(20);
    expect(r.promoters).toBe(5);
    expect(r.passives).toBe(2);
    expect(r.detractors).toBe(3);
    expect(r.n).toBe(10);
    expect(r.low).toBeCloseTo(20 - 196 * Math.sqrt(0.076), 10);
    expect(r.high).toBeCloseTo(20 + 196 * Math.sqrt(0.076), 10);
    expect(r.low).toBeCloseTo(-34.03, 2);
    expect(r.high).toBeCloseTo(74.03, 2);
  });

  it("clamps the interval to [−100, 100]", () => {
    // [10,10,10,10,0]: p = 0.8, d = 0.2, NPS = 60
    // Var = (1 − 0.36) / 5 = 0.128, margin = 196 · √0.128 = 70.1231 → [−10.1231, 130.12 → 100]
    const r = nps([10, 10, 10, 10, 0])!;
    expect(r.value).toBe(60);
    expect(r.low).toBeCloseTo(60 - 196 * Math.sqrt(0.128), 10);
    expect(r.high).toBe(100);
  });

  it("degenerates to a zero-width interval when all answers are in one group", () => {
    // p = 1, d = 0: Var = (1 − 1) / n = 0
    expect(nps([9, 10, 10])).toMatchObject({ value: 100, low: 100, high: 100 });
    expect(nps([7, 8])).toMatchObject({ value: 0, low: 0, high: 0, passives: 2 });
  });

  it("is null without answers and rejects values off the 0–10 scale", () => {
    expect(nps([])).toBeNull();
    expect(() => nps([11])).toThrow(RangeError);
    expect(() => nps([-1])).toThrow(RangeError);
    expect(() => nps([7.5])).toThrow(RangeError);
  });
});

describe("npsDifference", () => {
  const a = [10, 10, 9, 8, 7, 6, 0, 10, 9, 5]; // NPS 20, Var 0.076 (above)
  const b = [10, 9, 9, 10, 8, 8, 7, 3, 10, 9];
  // b: promoters 10,9,9,10,10,9 = 6; passives 8,8,7 = 3; detractors 3 = 1 → NPS 50
  //    Var = (0.6 + 0.1 − 0.25) / 10 = 0.045

  it("is b − a with variances added", () => {
    // 50 − 20 = 30; SE = √(0.076 + 0.045) = √0.121 = 0.347851; margin = 196 · 0.347851 = 68.1788
    const r = npsDifference(a, b)!;
    expect(r.value).toBe(30);
    expect(r.low).toBeCloseTo(30 - 196 * Math.sqrt(0.121), 10);
    expect(r.high).toBeCloseTo(30 + 196 * Math.sqrt(0.121), 10);
    expect(r.low).toBeCloseTo(-38.18, 2);
    expect(r.high).toBeCloseTo(98.18, 2);
  });

  it("changes sign when the waves are swapped, and is null when a wave is empty", () => {
    const r = npsDifference(b, a)!;
    expect(r.value).toBe(-30);
    expect(r.low).toBeCloseTo(-98.18, 2);
    expect(npsDifference([], b)).toBeNull();
    expect(npsDifference(a, [])).toBeNull();
  });
});

describe("proportionDifference (Newcombe hybrid score, method 10)", () => {
  it("reproduces Newcombe (1998), example 56/70 − 48/80: 0.2 [0.0524, 0.3339]", () => {
    // Wave a = 48/80 (0.6), wave b = 56/70 (0.8); difference b − a = 0.2.
    // L = d − √((p_b − low_b)² + (high_a − p_a)²), U = d + √((high_b − p_b)² + (p_a − low_a)²)
    const r = proportionDifference({ successes: 48, n: 80 }, { successes: 56, n: 70 })!;
    expect(r.value).toBeCloseTo(0.2, 12);
    expect(r.low).toBeCloseTo(0.0524, 4);
    expect(r.high).toBeCloseTo(0.3339, 4);
  });

  it("handles the extremes 0/10 → 10/10", () => {
    // d = 1; Wilson 0/10 = [0, 0.277540], 10/10 = [0.722460, 1]
    // L = 1 − √((1 − 0.722460)² + (0.277540 − 0)²) = 1 − 0.277540·√2 = 0.607499; U = 1 + √(0 + 0) = 1
    const r = proportionDifference({ successes: 0, n: 10 }, { successes: 10, n: 10 })!;
    expect(r.value).toBe(1);
    expect(r.low).toBeCloseTo(1 - Math.SQRT2 * wilsonInterval(0, 10)!.high, 12);
    expect(r.low).toBeCloseTo(0.6075, 4);
    expect(r.high).toBe(1);
  });

  it("is antisymmetric and null when a wave is empty", () => {
    const ab = proportionDifference({ successes: 12, n: 40 }, { successes: 20, n: 35 })!;
    const ba = proportionDifference({ successes: 20, n: 35 }, { successes: 12, n: 40 })!;
    expect(ba.value).toBeCloseTo(-ab.value, 12);
    expect(ba.low).toBeCloseTo(-ab.high, 12);
    expect(ba.high).toBeCloseTo(-ab.low, 12);
    expect(proportionDifference({ successes: 0, n: 0 }, { successes: 1, n: 2 })).toBeNull();
    expect(proportionDifference({ successes: 1, n: 2 }, { successes: 0, n: 0 })).toBeNull();
  });
});

describe("suppressSmallCells", () => {
  const cells = (...ns: number[]) => ns.map((n, i) => ({ key: `c${i}`, n, data: { n } }));
  const hidden = (result: { suppressed: boolean }[]) =>
    result.flatMap((r, i) => (r.suppressed ? [i] : []));

  it("exports one threshold, for the public and the team alike", () => {
    expect(PUBLIC_MIN_CELL).toBe(10);
  });

  it("suppresses nothing when every cell is at least k", () => {
    const r = suppressSmallCells(cells(10, 15, 30), PUBLIC_MIN_CELL, 55);
    expect(hidden(r)).toEqual([]);
    expect(r[0]).toEqual({ key: "c0", n: 10, suppressed: false, data: { n: 10 } });
  });

  it("hides n and data of a suppressed cell", () => {
    const r = suppressSmallCells(cells(3, 12), PUBLIC_MIN_CELL);
    expect(r[0]).toEqual({ key: "c0", n: null, suppressed: true, data: null });
  });

  it("without a published total, suppresses only the small cell", () => {
    expect(hidden(suppressSmallCells(cells(3, 12, 25, 40), PUBLIC_MIN_CELL))).toEqual([0]);
  });

  it("with a published total, also suppresses the smallest other cell", () => {
    // 80 − (12 + 25 + 40) would give back 3; hide 12 too: 2 cells, 3 + 12 = 15 ≥ 10
    const r = suppressSmallCells(cells(25, 3, 40, 12), PUBLIC_MIN_CELL, 80);
    expect(hidden(r)).toEqual([1, 3]);
    expect(r[0].n).toBe(25);
    expect(r[2].n).toBe(40);
  });

  it("keeps going while the suppressed cells' sum is below k", () => {
    // 2 and 4 are both small (primary): 2 cells but 2 + 4 = 6 < 10 would reveal a small group;
    // add the next smallest, 20: 2 + 4 + 20 = 26 ≥ 10
    const r = suppressSmallCells(cells(2, 30, 4, 20), PUBLIC_MIN_CELL, 56);
    expect(hidden(r)).toEqual([0, 2, 3]);
  });

  it("needs no secondary cell when two small cells already sum to k", () => {
    // 6 + 7 = 13 ≥ 10
    expect(hidden(suppressSmallCells(cells(6, 7, 20), PUBLIC_MIN_CELL, 33))).toEqual([0, 1]);
  });

  it("shows empty cells and never picks them as secondary cells", () => {
    // 0 is shown; 3 is primary; the secondary is 15 (not the 0): 3 + 15 = 18 ≥ 10
    const r = suppressSmallCells(cells(0, 3, 15, 20), PUBLIC_MIN_CELL, 38);
    expect(hidden(r)).toEqual([1, 2]);
    expect(r[0]).toEqual({ key: "c0", n: 0, suppressed: false, data: { n: 0 } });
  });

  it("suppresses everything when every non-empty cell is small", () => {
    // 2 + 3 + 4 = 9 < 10 and no cell left to add: all suppressed, the empty one shown
    const r = suppressSmallCells(cells(2, 3, 0, 4), PUBLIC_MIN_CELL, 9);
    expect(hidden(r)).toEqual([0, 1, 3]);
    expect(r[2].n).toBe(0);
    // a lone small cell cannot be protected by a partner: it stays suppressed
    expect(hidden(suppressSmallCells(cells(3, 0), PUBLIC_MIN_CELL, 3))).toEqual([0]);
  });

  it("breaks ties by input order", () => {
    expect(hidden(suppressSmallCells(cells(4, 12, 12), PUBLIC_MIN_CELL, 28))).toEqual([0, 1]);
  });

  it("applies any threshold k", () => {
    // k = 5: only 3 is primary (5 ≥ 5 is shown); secondary 5: 3 + 5 = 8 ≥ 5
    expect(hidden(suppressSmallCells(cells(3, 5, 8, 12), 5, 28))).toEqual([0, 1]);
    expect(hidden(suppressSmallCells(cells(5, 8, 12), 5, 25))).toEqual([]);
    // same cells, public threshold: 3, 5, 8 are primary, 3 + 5 + 8 = 16 ≥ 10
    expect(hidden(suppressSmallCells(cells(3, 5, 8, 12), PUBLIC_MIN_CELL, 28))).toEqual([0, 1, 2]);
  });

  it("treats the group that named no software as a cell: one person there hides a software cell too", () => {
    // 12 + 11 software respondents and 1 "non renseigné": the total 24 minus the two software cells would give back
    // that one person, so the 1 is a cell (primary) and the smallest other cell (11) is hidden with it.
    expect(hidden(suppressSmallCells(cells(12, 11, 1), PUBLIC_MIN_CELL, 24))).toEqual([1, 2]);
  });

  it("refuses a total that the cells do not partition, and other inconsistent input", () => {
    // A remainder outside the cells would be rebuilt by subtraction without ever being checked.
    expect(() => suppressSmallCells(cells(3, 12, 25), PUBLIC_MIN_CELL, 45)).toThrow(/every group/);
    expect(() => suppressSmallCells(cells(3, 12), PUBLIC_MIN_CELL, 10)).toThrow(RangeError);
    expect(() => suppressSmallCells(cells(-1, 12), PUBLIC_MIN_CELL)).toThrow(RangeError);
    expect(() => suppressSmallCells(cells(3, 12), 0)).toThrow(RangeError);
  });
});

/**
 * The property behind suppression: for any row of cells partitioning a published total, what a reader can compute
 * (total − shown cells) is 0 or at least k people spread over at least two hidden cells, and every shown cell is 0 or
 * at least k. Checked exhaustively on small rows.
 */
describe("suppressSmallCells against subtraction (exhaustive on small rows)", () => {
  const k = 10;
  const rows: number[][] = [];
  const sizes = [0, 1, 2, 5, 9, 10, 11, 14, 19, 25];
  for (const a of sizes) for (const b of sizes) for (const c of sizes) for (const d of [0, 1, 9, 12]) rows.push([a, b, c, d]);

  it("leaves nothing recoverable below k", () => {
    for (const ns of rows) {
      const total = ns.reduce((s, n) => s + n, 0);
      if (total < k) continue; // a total under k is not published
      const r = suppressSmallCells(ns.map((n, i) => ({ key: `c${i}`, n, data: null })), k, total);
      const shown = r.filter((c) => !c.suppressed);
      for (const c of shown) expect(c.n === 0 || c.n! >= k, `${ns}`).toBe(true);
      const rest = total - shown.reduce((s, c) => s + c.n!, 0);
      if (rest > 0) {
        expect(r.filter((c) => c.suppressed).length, `${ns}`).toBeGreaterThanOrEqual(2);
        expect(rest, `${ns}`).toBeGreaterThanOrEqual(k);
      }
    }
  });
});

describe("provisional batches", () => {
  it("counts whole batches of k, one behind", () => {
    expect([0, 1, 9, 10, 19, 20, 29, 30, 36].map((n) => provisionalCount(n, 10))).toEqual([0, 0, 0, 0, 0, 10, 10, 20, 20]);
    expect([0, 9, 10, 36].map((n) => batchedCount(n, 10))).toEqual([0, 0, 10, 30]);
    expect(() => provisionalCount(-1, 10)).toThrow(RangeError);
    expect(() => batchedCount(3, 0)).toThrow(RangeError);
  });

  it("never moves by fewer than k, and always stays at least k behind the final count", () => {
    const k = 10;
    for (let n = 0; n < 200; n++) {
      const now = provisionalCount(n, k);
      const next = provisionalCount(n + 1, k);
      expect(next - now === 0 || next - now === k).toBe(true);
      expect(now % k).toBe(0);
      // Compared with the published figures (all n answers), the provisional cell hides 0 people only when it shows none.
      for (const final of [n, n + 1, n + 7, n + 30]) expect(now === 0 || final - now >= k).toBe(true);
    }
  });
});

describe("round", () => {
  it("rounds half away from zero without binary-noise surprises", () => {
    expect(round(1.005, 2)).toBe(1.01); // 1.005 · 100 = 100.49999… in binary
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(round(2.5)).toBe(3);
    expect(round(-2.5)).toBe(-3);
    expect(round(-34.03347, 2)).toBe(-34.03);
    expect(round(0.49015684672, 4)).toBe(0.4902);
  });

  it("never returns −0 and rejects bad digit counts", () => {
    expect(Object.is(round(-0.001, 2), 0)).toBe(true);
    expect(() => round(1, -1)).toThrow(RangeError);
    expect(() => round(1, 1.5)).toThrow(RangeError);
  });
});
