import { describe, expect, it } from "vitest";
import {
  distribution,
  distributionFromCounts,
  npsDifference,
  npsDifferenceFromCounts,
  proportionDifference,
  summaryStats,
  summaryStatsFromCounts,
  topBox,
  topBoxCounts,
  type ScalePoint,
} from "~/modules/surveys/statistics";

// The statistics from the tallies' counts (issue 21) must give what the list-based functions give for the list the
// counts describe: compared on random answers, with a seeded generator so that a failure can be replayed.

function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const countsOf = (values: (number | string)[]) => {
  const counts = new Map<number | string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
};

const scale = (values: (number | string)[]): ScalePoint[] => values.map((value) => ({ value, label: String(value) }));
const LIKERT = [1, 2, 3, 4, 5];
const NPS = Array.from({ length: 11 }, (_, i) => i);

/** A random list of answers: mostly on the scale, sometimes "na" or (for yes/no) another string; sizes 0 to ~3,000. */
function randomAnswers(random: () => number, pool: (number | string)[]): (number | string)[] {
  const size = random() < 0.1 ? Math.floor(random() * 3) : Math.floor(random() ** 2 * 3000);
  // A skewed distribution over the pool, different on each draw.
  const weights = pool.map(() => random() ** 3);
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: size }, () => {
    if (random() < 0.03) return "na";
    let x = random() * total;
    for (let i = 0; i < pool.length; i++) if ((x -= weights[i]) <= 0) return pool[i];
    return pool.at(-1)!;
  });
}

describe("statistics from counts equal the list-based statistics", () => {
  it("summaryStats and distribution, 300 random cells per type", () => {
    const random = generator(21);
    const types: [string, (number | string)[]][] = [
      ["likert", LIKERT],
      ["csat", LIKERT],
      ["nps", NPS],
      ["yesno", ["yes", "no"]],
      ["choice", ["a", "b", "c"]],
    ];
    let nonEmpty = 0;
    for (const [type, pool] of types) {
      for (let round = 0; round < 300; round++) {
        const values = randomAnswers(random, pool);
        if (values.length > 10) nonEmpty++;
        // "na" is not an NPS answer: the list-based function throws on it, and results never pass it (not answered).
        const list = type === "nps" ? values.filter((v) => v !== "na") : values;
        const counts = countsOf(list);
        expect(summaryStatsFromCounts(type, counts), `${type} round ${round}`).toEqual(summaryStats(type, list));
        expect(distributionFromCounts(counts, scale(pool))).toEqual(distribution(list, scale(pool)));
      }
    }
    expect(nonEmpty).toBeGreaterThan(1000);
  });

  it("top-box shares and differences between waves, 300 random pairs", () => {
    const random = generator(2026);
    for (let round = 0; round < 300; round++) {
      const a = randomAnswers(random, NPS).filter((v): v is number => typeof v === "number");
      const b = randomAnswers(random, NPS).filter((v): v is number => typeof v === "number");
      expect(npsDifferenceFromCounts(countsOf(a), countsOf(b))).toEqual(npsDifference(a, b));
      const la = randomAnswers(random, LIKERT).filter((v): v is number => typeof v === "number");
      const lb = randomAnswers(random, LIKERT).filter((v): v is number => typeof v === "number");
      const ta = topBoxCounts(countsOf(la), 4);
      const tb = topBoxCounts(countsOf(lb), 4);
      expect(ta).toEqual({ successes: topBox(la, 4)?.successes ?? 0, n: la.length });
      const fromLists = proportionDifference(
        { successes: la.filter((v) => v >= 4).length, n: la.length },
        { successes: lb.filter((v) => v >= 4).length, n: lb.length },
      );
      expect(proportionDifference(ta, tb)).toEqual(fromLists);
    }
  });

  it("strings are not numbers: 4 and \"4\" are different answers", () => {
    const counts = new Map<number | string, number>([
      [4, 3],
      ["4", 5],
    ]);
    expect(summaryStatsFromCounts("likert", counts)).toEqual(summaryStats("likert", [4, 4, 4, "4", "4", "4", "4", "4"]));
    expect(distributionFromCounts(counts, scale(LIKERT))[3].count).toBe(3);
  });

  it("rejects what the list-based functions reject", () => {
    expect(() => summaryStatsFromCounts("nps", new Map([[11, 1]]))).toThrow(RangeError);
    expect(() => summaryStatsFromCounts("likert", new Map([[4, -1]]))).toThrow(RangeError);
    expect(() => summaryStatsFromCounts("likert", new Map([[4, 1.5]]))).toThrow(RangeError);
    expect(() => distributionFromCounts(new Map(), scale([1, 1]))).toThrow(RangeError);
  });
});
