import { describe, expect, it } from "vitest";
import { checkVote, CODE_ALPHABET, CODE_LENGTH, computeBalance, formatCode, generateCode, normaliseCode, placesLeft, remainingDots, titleFrom } from "~/modules/seminars/board";
import { randomBytes } from "node:crypto";

describe("workshop codes", () => {
  it("uses only unambiguous characters", () => {
    for (const confusable of ["0", "O", "Q", "D", "1", "I", "L", "J", "2", "Z", "5", "S", "6", "G", "8", "B", "U", "V"]) {
      expect(CODE_ALPHABET).not.toContain(confusable);
    }
  });

  it("generates codes of the right length from the alphabet only", () => {
    for (let i = 0; i < 500; i++) {
      const code = generateCode((n) => randomBytes(n));
      expect(code).toHaveLength(CODE_LENGTH);
      expect([...code].every((c) => CODE_ALPHABET.includes(c))).toBe(true);
    }
  });

  it("skips bytes that would bias the draw, and keeps drawing until the code is complete", () => {
    // 252 = 14 × 18 is the first biased byte for an 18-character alphabet: only 0 and 1 count here.
    let calls = 0;
    const code = generateCode((n) => {
      calls++;
      return Uint8Array.from({ length: n }, (_, i) => (calls === 1 ? 255 : i % 2));
    });
    expect(calls).toBe(2);
    expect(code).toBe("ACACAC");
  });

  it("normalises what people type: case, spaces and dashes do not matter", () => {
    expect(normaliseCode("ate-347")).toEqual({ ok: true, code: "ATE347" });
    expect(normaliseCode(" ATE 347 ")).toEqual({ ok: true, code: "ATE347" });
    expect(normaliseCode("ａｔｅ３４７")).toEqual({ ok: true, code: "ATE347" });
  });

  it("names the characters that never appear in a code, and the wrong length", () => {
    const wrong = normaliseCode("AT0-347");
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message).toContain("« 0 »");
    const short = normaliseCode("ATE34");
    expect(short).toEqual({ ok: false, message: "Un code d'atelier compte 6 caractères (vous en avez saisi 5)." });
    expect(normaliseCode("   ").ok).toBe(false);
  });

  it("formats a code in two groups", () => {
    expect(formatCode("ATE347")).toBe("ATE-347");
  });
});

describe("dot allowance", () => {
  it("allows dots up to the allowance, then refuses", () => {
    expect(checkVote({ votingOpen: true, closed: false, allowance: 3, used: 0 })).toEqual({ ok: true, remaining: 2 });
    expect(checkVote({ votingOpen: true, closed: false, allowance: 3, used: 2 })).toEqual({ ok: true, remaining: 0 });
    const over = checkVote({ votingOpen: true, closed: false, allowance: 3, used: 3 });
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.message).toMatch(/déjà placé vos 3 points/);
  });

  it("refuses while the vote is not open, and once the workshop is closed", () => {
    expect(checkVote({ votingOpen: false, closed: false, allowance: 3, used: 0 }).ok).toBe(false);
    const closed = checkVote({ votingOpen: true, closed: true, allowance: 3, used: 0 });
    expect(closed.ok).toBe(false);
    if (!closed.ok) expect(closed.message).toMatch(/clos/);
  });

  it("never shows negative remaining dots", () => {
    expect(remainingDots(3, 5)).toBe(0);
    expect(remainingDots(3, 1)).toBe(2);
  });
});

describe("balance of the triangle", () => {
  it("counts sides, details and shares", () => {
    const balance = computeBalance([
      { side: "practitioner", detail: "vip" },
      { side: "practitioner", detail: "other" },
      { side: "practitioner", detail: "other" },
      { side: "vendor", detail: "sons" },
      { side: "vendor", detail: "non-sons" },
      { side: "institution", detail: null },
      { side: "patient", detail: null },
      { side: "institution", detail: null },
    ]);
    expect(balance.total).toBe(8);
    expect(balance.sides.map((s) => [s.side, s.count])).toEqual([
      ["practitioner", 3],
      ["vendor", 2],
      ["patient", 1],
      ["institution", 2],
    ]);
    expect(balance.sides[0].share).toBeCloseTo(3 / 8);
    expect(balance.details).toEqual({ vip: 1, other: 2, sons: 1, "non-sons": 1 });
    expect(balance.missing).toEqual([]);
    expect(balance.warnings).toEqual([]);
  });

  it("warns when a side of the triangle is missing or dominates", () => {
    const balance = computeBalance([
      { side: "practitioner", detail: "other" },
      { side: "practitioner", detail: "other" },
      { side: "practitioner", detail: "other" },
      { side: "vendor", detail: "sons" },
    ]);
    expect(balance.missing).toEqual(["institution"]);
    expect(balance.warnings).toContain("Aucun participant côté institutionnels.");
    expect(balance.warnings.some((w) => w.startsWith("Les professionnels de santé font plus de la moitié"))).toBe(true);
  });

  it("patients are counted apart from the triangle", () => {
    const balance = computeBalance([
      { side: "practitioner", detail: null },
      { side: "vendor", detail: null },
      { side: "institution", detail: null },
      { side: "patient", detail: null },
      { side: "patient", detail: null },
      { side: "patient", detail: null },
    ]);
    expect(balance.warnings).toEqual([]);
    expect(balance.sides.find((s) => s.side === "patient")?.share).toBeCloseTo(0.5);
  });

  it("says nothing about an empty list", () => {
    expect(computeBalance([])).toMatchObject({ total: 0, missing: [], warnings: [] });
  });

  it("computes places left, or none for an uncapped workshop", () => {
    expect(placesLeft(10, 7)).toBe(3);
    expect(placesLeft(10, 12)).toBe(0);
    expect(placesLeft(null, 12)).toBeNull();
  });
});

describe("titles from cards", () => {
  it("keeps short texts and cuts long ones at a word", () => {
    expect(titleFrom("  Lenteur   du LGC ")).toBe("Lenteur du LGC");
    const long = "mot ".repeat(50);
    const title = titleFrom(long, 30);
    expect(title.length).toBeLessThanOrEqual(30);
    expect(title.endsWith("…")).toBe(true);
  });
});
