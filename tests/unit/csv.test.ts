import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvStreamResponse, neutraliseFormula, parseCsvRecords, quoteCsvCell, readCsvTable, restoreNeutralisedFormula, toCsv } from "~/lib/csv";

describe("CSV", () => {
  it("quotes cells with separators, quotes and line breaks", () => {
    expect(quoteCsvCell("simple")).toBe("simple");
    expect(quoteCsvCell("a;b")).toBe('"a;b"');
    expect(quoteCsvCell('dit "bonjour"')).toBe('"dit ""bonjour"""');
    expect(quoteCsvCell("ligne 1\nligne 2")).toBe('"ligne 1\nligne 2"');
  });

  it("neutralises every cell a spreadsheet would run as a formula, and leaves plain numbers alone", () => {
    for (const formula of ["=1+1", "+33 6", "-2+3", "@SUM(A1)", "=cmd|' /C calc'!A0", "\t=1", "\r=1", "-1;=HYPERLINK(\"x\")"]) {
      expect(quoteCsvCell(formula).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    for (const plain of ["texte", "-2", "-12,5", "+3.5", "42"]) expect(quoteCsvCell(plain)).toBe(plain);
  });

  it("gives back the exported text when a neutralised cell is imported again", () => {
    for (const value of ["=1+1", "@SUM(A1)", "-2", "'texte", "texte"]) expect(restoreNeutralisedFormula(neutraliseFormula(value))).toBe(value);
  });

  it("writes a BOM, semicolons and CRLF", () => {
    expect(toCsv(["a", "b"], [["1", "x;y"]])).toBe('\uFEFFa;b\r\n1;"x;y"\r\n');
  });
});

describe("parseCsvRecords", () => {
  it("numbers records by their first line, skipping blank ones, even with CRLF inside quotes", () => {
    expect(parseCsvRecords('\uFEFFa,b\r\n\r\n"c\r\nd",e\r\nf,g', ",")).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 3, cells: ["c\r\nd", "e"] },
      { line: 5, cells: ["f", "g"] },
    ]);
  });

  it("reports a quote left open with the line of the broken record", () => {
    const error = (() => {
      try {
        parseCsvRecords('a;b\n"c;d\ne;f', ";");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect(error).toMatchObject({ line: 2 });
  });

  it("reads a table once for every import: header without accents or case, column counts, each line's problems, all or nothing", () => {
    const read = (text: string) =>
      readCsvTable(text, ["Période", "Valeur"], ([period, value], problems, line) => {
        if (!/^\d+$/.test(value)) problems.push(`valeur « ${value} » invalide`);
        return { line, period, value: Number(value) };
      }, { noRowsMessage: "Aucune ligne." });
    expect(read("periode;VALEUR\n2024-01;3\n2024-02;4\n")).toEqual({ rows: [{ line: 2, period: "2024-01", value: 3 }, { line: 3, period: "2024-02", value: 4 }], errors: [] });
    expect(read("Période,Valeur\n2024-01,x\n2024-02\n2024-03,5\n")).toEqual({
      rows: [],
      errors: [
        { line: 2, message: "valeur « x » invalide." },
        { line: 3, message: "1 colonne au lieu de 2." },
      ],
    });
    expect(read("Mois;Valeur\n").errors[0].message).toContain("Colonnes attendues, dans cet ordre : Période, Valeur");
    expect(read("Période;Valeur\n").errors).toEqual([{ line: 1, message: "Aucune ligne." }]);
    expect(read("").errors).toEqual([{ line: 1, message: "Le fichier est vide." }]);
  });
});

describe("csvStreamResponse (issue 21)", () => {
  const header = ["id", "texte"];
  const page = (from: number) => Array.from({ length: 3 }, (_, i) => [String(from + i), i === 1 ? '=SOMME(A1);"x"' : `ligne ${from + i}`]);

  it("writes the same file as toCsv, a page at a time", async () => {
    const pages = [page(1), page(4), page(7)];
    const response = csvStreamResponse(header, pages[Symbol.iterator](), "f.csv");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="f.csv"');
    expect(Buffer.from(await response.arrayBuffer()).toString("utf8")).toBe(toCsv(header, pages.flat()));
  });

  it("stops reading pages when the client goes away", async () => {
    let read = 0;
    let stopped = false;
    const pages = (function* () {
      try {
        for (let i = 0; i < 1000; i++) {
          read++;
          yield page(i * 3);
        }
      } finally {
        stopped = true;
      }
    })();
    const client = new AbortController();
    const response = csvStreamResponse(header, pages, "f.csv", client.signal);
    const reader = response.body!.getReader();
    await reader.read(); // the header
    await reader.read(); // the first page
    client.abort();
    await expect(reader.read()).rejects.toThrow(/abandoned/);
    expect(stopped).toBe(true);
    expect(read).toBeLessThan(5);
  });
});
