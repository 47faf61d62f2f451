import { describe, expect, it } from "vitest";
import {
  ACCEPTANCE_MODEL,
  acceptanceProbability,
  acceptedInOrder,
  type CandidateFeatures,
  FEATURE_NAMES,
  featureVector,
  isAccepted,
  withRankFeatures,
} from "~/modules/irritants/similarity-acceptance";

const candidate = (over: Partial<CandidateFeatures> = {}): CandidateFeatures => ({
  score: 0.4,
  queryCoverage: 0.4,
  candidateCoverage: 0.3,
  sharedRarity: 0.5,
  sharedTerms: 8,
  lengthRatio: 0.3,
  gapToNext: 0.15,
  shareOfBest: 1,
  sharedConcepts: 2,
  conceptShare: 0.5,
  missingConcepts: 1,
  ...over,
});

describe("featureVector", () => {
  it("lists the features in the model's order, the shared terms log-scaled", () => {
    const f = candidate({ sharedTerms: 3 });
    const x = featureVector(f);
    expect(x).toHaveLength(FEATURE_NAMES.length);
    expect(x[FEATURE_NAMES.indexOf("sharedTerms")]).toBeCloseTo(Math.log(4));
    expect(x[FEATURE_NAMES.indexOf("gapToNext")]).toBe(0.15);
    expect(x[FEATURE_NAMES.indexOf("sharedConcepts")]).toBeCloseTo(Math.log(3));
    expect(x[FEATURE_NAMES.indexOf("missingConcepts")]).toBeCloseTo(Math.log(2));
    expect(x[FEATURE_NAMES.indexOf("conceptShare")]).toBe(0.5);
    expect(ACCEPTANCE_MODEL.weights).toHaveLength(FEATURE_NAMES.length);
  });
});

describe("withRankFeatures", () => {
  it("adds each candidate's gap to the next and its share of the best score", () => {
    const ranked = withRankFeatures([
      { score: 0.5, id: 1 },
      { score: 0.4, id: 2 },
      { score: 0.1, id: 3 },
    ]);
    expect(ranked.map((c) => Math.round(c.gapToNext * 100) / 100)).toEqual([0.1, 0.3, 0.1]);
    expect(ranked.map((c) => c.shareOfBest)).toEqual([1, 0.8, 0.2]);
    expect(ranked[1].id).toBe(2);
  });

  it("gives a share of 0 when the best score is 0, and nothing for no candidate", () => {
    expect(withRankFeatures([{ score: 0 }])[0].shareOfBest).toBe(0);
    expect(withRankFeatures([])).toEqual([]);
  });
});

describe("acceptanceProbability and isAccepted", () => {
  it("is the logistic function of the weighted features", () => {
    const model = { weights: FEATURE_NAMES.map(() => 0), intercept: 0, threshold: 0.5, coverage: 2 };
    expect(acceptanceProbability(candidate(), model)).toBe(0.5);
    const weights = FEATURE_NAMES.map((name) => (name === "score" ? 10 : 0));
    expect(acceptanceProbability(candidate({ score: 0.3 }), { ...model, weights, intercept: -3 })).toBeCloseTo(0.5);
    expect(isAccepted(candidate({ score: 0.31 }), { ...model, weights, intercept: -3 })).toBe(true);
    expect(isAccepted(candidate({ score: 0.29 }), { ...model, weights, intercept: -3 })).toBe(false);
  });

  it("shows a clear first candidate sharing many terms, not one far behind the best sharing few", () => {
    expect(isAccepted(candidate())).toBe(true);
    expect(isAccepted(candidate({ score: 0.15, sharedTerms: 3, gapToNext: 0.01, shareOfBest: 0.4, queryCoverage: 0.2 }))).toBe(false);
  });

  it("rates a candidate lower as it falls behind the best", () => {
    const first = acceptanceProbability(candidate());
    const behind = acceptanceProbability(candidate({ shareOfBest: 0.6, gapToNext: 0.02 }));
    expect(behind).toBeLessThan(first);
  });

  it("shows a candidate holding nearly all the query's weight, whatever the model says", () => {
    const exactTwinOfATitle = candidate({ score: 0.63, queryCoverage: 1, sharedTerms: 4, gapToNext: 0.07, shareOfBest: 0.92, lengthRatio: 1.7 });
    expect(acceptanceProbability(exactTwinOfATitle)).toBeLessThan(ACCEPTANCE_MODEL.threshold);
    expect(isAccepted(exactTwinOfATitle)).toBe(true);
    expect(isAccepted({ ...exactTwinOfATitle, queryCoverage: 0.5 })).toBe(false);
  });
});

describe("acceptedInOrder", () => {
  // A model reading the score alone: probability 0.5 at a score of 0.3.
  const model = { weights: FEATURE_NAMES.map((name) => (name === "score" ? 10 : 0)), intercept: -3, threshold: 0.5, coverage: 0.9 };

  it("keeps the accepted candidates, most likely first, whatever their order by soft cosine", () => {
    const ranked = [
      { ...candidate({ score: 0.32 }), id: 1 },
      { ...candidate({ score: 0.2 }), id: 2 },
      { ...candidate({ score: 0.6 }), id: 3 },
    ];
    expect(acceptedInOrder(ranked, model).map((c) => c.id)).toEqual([3, 1]);
  });

  it("puts a candidate of the coverage rule first, and keeps the soft cosine's order between equals", () => {
    const ranked = [
      { ...candidate({ score: 0.6, queryCoverage: 0.5 }), id: 1 },
      { ...candidate({ score: 0.6, queryCoverage: 0.5 }), id: 2 },
      { ...candidate({ score: 0.1, queryCoverage: 0.95 }), id: 3 },
    ];
    expect(acceptedInOrder(ranked, model).map((c) => c.id)).toEqual([3, 1, 2]);
    expect(acceptedInOrder([], model)).toEqual([]);
  });
});
