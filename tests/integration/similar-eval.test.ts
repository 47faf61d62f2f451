import { describe, expect, it } from "vitest";
import { evaluateSimilar } from "../../scripts/similar-eval/evaluate";

describe("similar irritants on the third held-out set", () => {
  // Enabled when a method meets the bars (issue 19) on the third held-out set (tests/fixtures/similar-holdout3.json;
  // the first two are development data since session 31). The second, run once on 2026-12-07 on the session-30 method
  // (docs/similar-evaluation.md): top-1 0.65, top-3 0.70, FP 0.17 — the bars would fail by 0.10, 0.20 and 0.07.
  it.skip("meets the issue's bars: top-3 ≥ 0.90, top-1 ≥ 0.75, at most 1 unrelated irritant in the top 3 in 10 look-ups", async () => {
    const result = await evaluateSimilar("holdout3");
    expect(result.top3.rate).toBeGreaterThanOrEqual(0.9);
    expect(result.top1.rate).toBeGreaterThanOrEqual(0.75);
    expect(result.falsePositives.rate).toBeLessThanOrEqual(0.1);
  });
});
