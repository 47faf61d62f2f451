import { describe, expect, it } from "vitest";
import { wilsonInterval } from "../../scripts/similar-eval/wilson";

describe("wilsonInterval", () => {
  it("matches the textbook values", () => {
    // 8 successes out of 10: Wilson 95 % is [0.490, 0.943].
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.49, 2);
    expect(high).toBeCloseTo(0.943, 2);
  });

  it("stays within [0, 1] at the extremes and contains the observed proportion", () => {
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(20, 20).high).toBe(1);
    expect(wilsonInterval(20, 20).low).toBeGreaterThan(0.8);
    const { low, high } = wilsonInterval(37, 51);
    expect(low).toBeLessThan(37 / 51);
    expect(high).toBeGreaterThan(37 / 51);
  });

  it("says nothing is known without observations", () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});
