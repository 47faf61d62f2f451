import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the fourth held-out set", () => {
  // Enabled when a method meets the bars (issue 19) on a held-out set no choice was made from. The fourth
  // (tests/fixtures/similar-holdout4.json), run once on 2026-12-07 on the session-32 method (docs/similar-evaluation.md):
  // top-1 0.63, top-3 0.63, FP 0.09 — top-1 and top-3 fail by 0.12 and 0.27; FP passes. Having been run, it is spent
  // too: the next method needs a fifth set written by other hands (point this test at it).
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("holdout4");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
