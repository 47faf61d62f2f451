import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the fifth held-out set", () => {
  // Enabled when a method meets the bars (issue 19) on a held-out set no choice was made from. The fifth
  // (tests/fixtures/similar-holdout5.json), run once on 2026-12-08 on the session-32 method (docs/similar-evaluation.md):
  // top-1 0.59, top-3 0.62, FP 0.10 — top-1 and top-3 fail by 0.16 and 0.28; FP passes. Having been run, it is spent
  // too: the next method needs a sixth set written by other hands (point this test at it).
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("holdout5");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
