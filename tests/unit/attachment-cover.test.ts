import { describe, expect, it } from "vitest";
import { wordsToCover } from "~/modules/attachments/cover";
import { patientIdentifierSpans } from "~/lib/text/redaction";

const line = (text: string) => text.split(" ").map((word, i) => ({ text: word, bbox: { x0: i * 10, y0: 0, x1: i * 10 + 8, y1: 10 } }));
const covered = (text: string) => {
  const words = line(text);
  const { indexes } = wordsToCover(words, new Date("2026-12-07T00:00:00Z"));
  return words.filter((_, i) => indexes.has(i)).map((w) => w.text);
};

describe("patientIdentifierSpans", () => {
  it("finds what redactPatientIdentifiers masks, with positions", () => {
    const text = "NIR 2 61 03 75 115 042 17, tél. 06 12 34 56 78, marie@example.fr, commande 3400930000000";
    const spans = patientIdentifierSpans(text);
    expect(spans.map((s) => [s.kind, text.slice(s.start, s.end)])).toEqual([
      ["nir", "2 61 03 75 115 042 17"],
      ["phone", "06 12 34 56 78"],
      ["email", "marie@example.fr"],
    ]);
  });
});

describe("words of a screenshot line to cover", () => {
  it("covers identifiers split over several OCR words", () => {
    expect(covered("NIR 2 61 03 75 115 042 17")).toEqual(["2", "61", "03", "75", "115", "042", "17"]);
    expect(covered("Tél. 06 12 34 56 78")).toEqual(["06", "12", "34", "56", "78"]);
    expect(covered("Courriel marie.dupont@example.fr")).toEqual(["marie.dupont@example.fr"]);
  });

  it("covers the values of a patient banner, not its labels", () => {
    expect(covered("Patient : DUPONT Marie")).toEqual(["DUPONT", "Marie"]);
    expect(covered("Nom: DUPONT Prénom: Marie")).toEqual(["DUPONT", "Marie"]);
    expect(covered("Né(e) le 12/03/1961")).toEqual(["12/03/1961"]);
    expect(covered("Née le 3 mars 1961")).toEqual(["3", "mars", "1961"]);
    expect(covered("INS : 261037511504217")).toEqual(["261037511504217"]);
  });

  it("covers an old full date without a label (a date of birth, in doubt) and keeps recent ones and plain words", () => {
    expect(covered("Consultation du 02/12/2026 pour 15/06/1987")).toEqual(["15/06/1987"]);
    expect(covered("Dossier patient - Logiciel Cabinet")).toEqual([]);
    expect(covered("Le nom du fichier est trop long")).toEqual([]);
  });
});
