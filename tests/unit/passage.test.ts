import { describe, expect, it } from "vitest";
import { findLongDigitSequences, maskPassageIn, PASSAGE_PLACEHOLDER, replaceAll, replaceCutTail, replaceInJson } from "~/lib/text/passage";

describe("maskPassageIn", () => {
  it("replaces every occurrence of the exact passage and counts what it erased", () => {
    const result = maskPassageIn("Mme Germaine Lefebvre est venue ; Mme Germaine Lefebvre est repartie.", "Germaine Lefebvre");
    expect(result.text).toBe(`Mme ${PASSAGE_PLACEHOLDER} est venue ; Mme ${PASSAGE_PLACEHOLDER} est repartie.`);
    expect(result.occurrences).toBe(2);
    expect(result.characters).toBe(2 * "Germaine Lefebvre".length);
    expect(result.matches).toEqual(["Germaine Lefebvre"]);
  });

  it("matches a pasted passage whose line breaks became spaces", () => {
    const result = maskPassageIn("né le 3 mars\n1950 à Lyon", "  le 3 mars 1950 ");
    expect(result.text).toBe(`né ${PASSAGE_PLACEHOLDER} à Lyon`);
    expect(result.matches).toEqual(["le 3 mars\n1950"]);
  });

  it("treats regular-expression characters literally and is case-sensitive", () => {
    expect(maskPassageIn("a.b a-b (x)", "a.b").text).toBe(`${PASSAGE_PLACEHOLDER} a-b (x)`);
    expect(maskPassageIn("(x) y", "(x)").occurrences).toBe(1);
    expect(maskPassageIn("Dupont", "dupont").occurrences).toBe(0);
  });

  it("finds nothing for an absent or blank passage", () => {
    expect(maskPassageIn("texte", "autre")).toEqual({ text: "texte", occurrences: 0, characters: 0, matches: [] });
    expect(maskPassageIn("texte", "   ").occurrences).toBe(0);
  });
});

describe("replaceAll and replaceInJson", () => {
  it("replace copies of the matches in strings and nested JSON values", () => {
    expect(replaceAll("x Lefebvre y", ["Lefebvre"])).toBe(`x ${PASSAGE_PLACEHOLDER} y`);
    const payload = { reason: "voir Lefebvre", list: ["Lefebvre", 3], nested: { a: "ok" }, n: 1 };
    const next = replaceInJson(payload, ["Lefebvre"]);
    expect(next).toEqual({ reason: `voir ${PASSAGE_PLACEHOLDER}`, list: [PASSAGE_PLACEHOLDER, 3], nested: { a: "ok" }, n: 1 });
    expect(replaceInJson(payload.nested, ["Lefebvre"])).toBe(payload.nested);
  });
});

describe("replaceCutTail", () => {
  it("replaces the start of a passage left at the end of a cut text", () => {
    expect(replaceCutTail("Sentinelle — Nouveau ticket : Mme Germaine Lef…", ["Germaine Lefebvre"])).toBe(`Sentinelle — Nouveau ticket : Mme ${PASSAGE_PLACEHOLDER}…`);
  });

  it("leaves uncut texts and tails of fewer than three characters alone", () => {
    expect(replaceCutTail("Mme Germaine Lef", ["Germaine Lefebvre"])).toBe("Mme Germaine Lef");
    expect(replaceCutTail("Nouveau ticket : le Ge…", ["Germaine Lefebvre"])).toBe("Nouveau ticket : le Ge…");
  });
});

describe("findLongDigitSequences", () => {
  it("lists sequences of nine digits or more, grouped by spaces, dots or dashes", () => {
    expect(findLongDigitSequences("dossier 185 057 800 608 436 et tel 06.12.34.56.78, ref 123456789")).toEqual([
      "185 057 800 608 436",
      "06.12.34.56.78",
      "123456789",
    ]);
  });

  it("ignores short numbers, dates, versions and amounts", () => {
    expect(findLongDigitSequences("version 12.3.4, le 12/03/2024, 12.03.2024, 1 200 000 €, code 12345678")).toEqual([]);
  });

  it("does not join numbers separated by two spaces or other words", () => {
    expect(findLongDigitSequences("12345  67890 et 1234 puis 56789")).toEqual([]);
  });

  it("lists each sequence once", () => {
    expect(findLongDigitSequences("123456789 puis 123456789")).toEqual(["123456789"]);
  });
});
