import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the held-out set", () => {
  // Enabled when a method meets the bars (issue 19) on the held-out set (tests/fixtures/similar-holdout.json). The
  // look-up with the acceptance model is at top-1 0.48, top-3 0.53, FP 0.35 there (docs/similar-evaluation.md, measured
  // once on 2026-12-07): the bars would fail by 0.27, 0.37 and 0.25.
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("holdout");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
