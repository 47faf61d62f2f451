import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the frozen test half of the labelled set", () => {
  // Enabled when a method meets the bars (issue 19). The vocabulary-folding, BM25-candidate, soft-cosine look-up is at
  // top-1 0.73, top-3 0.80, FP 0.50 on this half (docs/similar-evaluation.md, measured once): the bars would fail.
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("test");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
