import { describe, expect, it } from "vitest";
import { RARITY_HORIZON, rarity, rarityFloor } from "~/modules/irritants/rarity";

describe("a word's rarity weight", () => {
  it("is the classic ln((N + 1) / (df + 0.5)) up to the horizon", () => {
    for (const size of [1, 120, RARITY_HORIZON]) {
      expect(rarityFloor(size)).toBe(0);
      for (const df of [0, 1, 7, size]) expect(rarity(size, df)).toBeCloseTo(Math.log((size + 1) / (df + 0.5)), 12);
    }
  });

  it("saturates beyond it: at a million irritants a one-off word weighs as one found in a thousandth of them", () => {
    const size = 1_000_000;
    expect(rarity(size, 1)).toBe(rarity(size, 0));
    expect(rarity(size, 1)).toBe(rarity(size, 999));
    expect(rarity(size, 5_000)).toBeLessThan(rarity(size, 999));
  });

  it("weighs a word by its share of the index, not by the index's size", () => {
    // A one-off word against a field word found in 3 % of irritants: about the same ratio at a thousand and a million.
    const ratio = (size: number) => rarity(size, 1) / rarity(size, 0.03 * size);
    expect(Math.abs(ratio(1_000_000) / ratio(RARITY_HORIZON) - 1)).toBeLessThan(0.1);
    // Uncapped, the ratio grows with the index (ln N / ln 33): what the saturation prevents.
    expect(Math.log(1_000_001 / 1.5) / Math.log(1_000_001 / 30_000.5)).toBeGreaterThan(1.5 * ratio(1_000_000));
  });
});
