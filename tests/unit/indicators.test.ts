import { describe, expect, it } from "vitest";
import { chartModel, chartSummary, niceScale, periodLabel } from "~/modules/indicators/chart";
import { formatPeriod } from "~/lib/dates";
import { parseFrenchNumber, parseIndicatorCsv } from "~/modules/indicators/values-csv";

describe("parseFrenchNumber", () => {
  it("accepts decimal commas and spaced thousands, refuses the rest", () => {
    expect(parseFrenchNumber("6,54")).toBe(6.54);
    expect(parseFrenchNumber("219 874")).toBe(219874);
    expect(parseFrenchNumber("1\u202f234,5")).toBe(1234.5);
    expect(parseFrenchNumber("12.5")).toBe(12.5);
    expect(parseFrenchNumber("douze")).toBeNull();
    expect(parseFrenchNumber("1,2,3")).toBeNull();
    expect(parseFrenchNumber("")).toBeNull();
  });
});

describe("parseIndicatorCsv", () => {
  it("reads periods, dimensions and French numbers", () => {
    const { values, errors } = parseIndicatorCsv("periode;dimension;valeur\n2023-11;biologie;1,5\n2023-12;biologie;2\n", ["biologie", "radiologie"]);
    expect(errors).toEqual([]);
    expect(values.map(({ period, dimension, value }) => ({ period, dimension, value }))).toEqual([
      { period: "2023-11", dimension: "biologie", value: 1.5 },
      { period: "2023-12", dimension: "biologie", value: 2 },
    ]);
  });

  it("reports wrong columns, bad periods, unknown dimensions, bad numbers and duplicates by line, keeping nothing", () => {
    expect(parseIndicatorCsv("mois;valeur\n", []).errors[0].message).toContain("Colonnes attendues");
    const { values, errors } = parseIndicatorCsv(
      "periode;dimension;valeur\n2023-13;biologie;1\n2023-12;hopital;1\n2023-12;biologie;beaucoup\n2023-11;biologie;1\n2023-11;biologie;2\n",
      ["biologie"],
    );
    expect(values).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4, 6]);
    expect(errors[0].message).toContain("période « 2023-13 » invalide");
    expect(errors[1].message).toContain("dimension inconnue « hopital »");
    expect(errors[2].message).toContain("valeur « beaucoup » invalide");
    expect(errors[3].message).toContain("en double (déjà ligne 5)");
  });
});

describe("charts", () => {
  it("rounds the axis to a nice value", () => {
    expect(niceScale(6.54)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    // 219 874 / 4 ≈ 54 968: the next nice step is 100 000, so the axis ends at 300 000.
    expect(niceScale(219874)).toEqual({ max: 300000, ticks: [0, 100000, 200000, 300000] });
    expect(niceScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });

  it("builds series by dimension over sorted periods, and stacks totals for the axis", () => {
    const values = [
      { period: "2023-12", dimension: "a", value: 3 },
      { period: "2023-11", dimension: "a", value: 1 },
      { period: "2023-12", dimension: "b", value: 4 },
    ];
    const model = chartModel(values, true);
    expect(model.categories).toEqual(["2023-11", "2023-12"]);
    expect(model.series).toEqual([
      { name: "a", values: [1, 3] },
      { name: "b", values: [null, 4] },
    ]);
    expect(model.max).toBe(8); // stacked total 7
    expect(chartModel(values, false).max).toBe(4);
    expect(chartSummary(model, "millions")).toBe("a : de 1 en novembre 2023 à 3 millions en décembre 2023. b : de — en novembre 2023 à 4 millions en décembre 2023.");
  });

  it("describes a ranking by its largest category", () => {
    const model = chartModel(
      [
        { period: "", dimension: "CR de biologie", value: 219874 },
        { period: "", dimension: "Synthèse", value: 103482 },
      ],
      false,
    );
    expect(model.categories).toEqual(["CR de biologie", "Synthèse"]);
    expect(chartSummary(model, "documents")).toBe(`2 catégories ; la plus élevée : CR de biologie (${(219874).toLocaleString("fr-FR")} documents).`);
    expect(periodLabel("2024-02")).toBe("févr. 2024");
    const unsorted = chartModel(
      [
        { period: "", dimension: "Petit", value: 1 },
        { period: "", dimension: "Grand", value: 9 },
      ],
      false,
    );
    expect(unsorted.categories).toEqual(["Grand", "Petit"]);
  });
});

describe("indicator periods in pages", () => {
  it("reads a month in French, in full, and leaves a year or anything else as it is", () => {
    expect(formatPeriod("2024-01")).toBe("janvier 2024");
    expect(formatPeriod("2023-12")).toBe("décembre 2023");
    expect(formatPeriod("2024-08")).toBe("août 2024");
    expect(formatPeriod("2024")).toBe("2024");
    expect(formatPeriod("")).toBe("");
    expect(formatPeriod("2024-13")).toBe("2024-13");
  });
});
