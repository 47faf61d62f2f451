import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the third held-out set", () => {
  // Enabled when a method meets the bars (issue 19) on a held-out set no choice was made from. The third
  // (tests/fixtures/similar-holdout3.json), run once on 2026-12-07 on the session-31 method (docs/similar-evaluation.md):
  // top-1 0.66, top-3 0.69, FP 0.16 — the bars fail by 0.09, 0.21 and 0.06. Having been run, it is spent too: the
  // next method needs a fourth set written by other hands (point this test at it).
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("holdout3");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
