import { describe, expect, it } from "vitest";
import { quoteCsvCell, toCsv } from "~/lib/csv";

describe("CSV", () => {
  it("quotes cells with separators, quotes and line breaks", () => {
    expect(quoteCsvCell("simple")).toBe("simple");
    expect(quoteCsvCell("a;b")).toBe('"a;b"');
    expect(quoteCsvCell('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(quoteCsvCell("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
  });

  it("neutralises formulas only when asked, for cells that come from people's input", () => {
    for (const formula of ["=1+1", "+33 6", "-2", "@SUM(A1)", "=cmd|' /C calc'!A0"]) {
      expect(quoteCsvCell(formula, true).replace(/^"/, "").startsWith("'")).toBe(true);
      expect(quoteCsvCell(formula)).not.toMatch(/^'/);
    }
    expect(quoteCsvCell("texte", true)).toBe("texte");
  });

  it("writes a BOM, semicolons and CRLF", () => {
    expect(toCsv(["a", "b"], [["1", "x;y"]])).toBe('\uFEFFa;b\r\n1;"x;y"\r\n');
  });
});
