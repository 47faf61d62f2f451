import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the frozen test half of the labelled set", () => {
  // Enabled when the new method lands (issue 19): today's look-up is at top-1 0.51, top-3 0.67, FP 0.53
  // (docs/similar-evaluation.md), so the bars would fail on main.
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("test");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
