import { describe, expect, it } from "vitest";
import { formatDeadlineChange, isOverdue, parseFuzzyDeadline, type ParsedDeadline } from "~/modules/action-plan/deadlines";

type Period = Extract<ParsedDeadline, { kind: "date" }>["period"];

function expectDate(label: string, due: string, period: Period) {
  expect(parseFuzzyDeadline(label)).toEqual({ kind: "date", label, due, period });
}

describe("parseFuzzyDeadline — labels of the program's slide deck", () => {
  it.each<[string, string, Period]>([
    ["Décembre 23", "2023-12-31", "month"],
    ["Février - Mars 24", "2024-03-31", "range"],
    ["Janvier 2024", "2024-01-31", "month"],
    ["2025", "2025-12-31", "year"],
    ["S1 2024", "2024-06-30", "semester"],
    ["S2 2024", "2024-12-31", "semester"],
    ["T1 2024", "2024-03-31", "quarter"],
    ["Janvier / février 2024", "2024-02-29", "range"],
    ["Décembre 2023", "2023-12-31", "month"],
    ["Février 2024", "2024-02-29", "month"],
  ])("%s → %s (%s)", (label, due, period) => {
    expectDate(label, due, period);
  });

  it.each(["En cours", "Aujourd'hui - fin de la Vague 1"])("%s → ongoing", (label) => {
    expect(parseFuzzyDeadline(label)).toEqual({ kind: "ongoing", label, due: null });
  });
});

describe("parseFuzzyDeadline — month and year", () => {
  it.each<[string, string]>([
    ["Décembre 2023", "2023-12-31"],
    ["Décembre 23", "2023-12-31"],
    ["janvier 2024", "2024-01-31"],
    ["janv. 2024", "2024-01-31"],
    ["Janv 2024", "2024-01-31"],
    ["jan 2024", "2024-01-31"],
    ["févr. 2024", "2024-02-29"],
    ["fev 2024", "2024-02-29"],
    ["Fév. 24", "2024-02-29"],
    ["mars 2025", "2025-03-31"],
    ["avril 2024", "2024-04-30"],
    ["avr. 2024", "2024-04-30"],
    ["mai 2024", "2024-05-31"],
    ["juin 2024", "2024-06-30"],
    ["juillet 2024", "2024-07-31"],
    ["juil. 2024", "2024-07-31"],
    ["Aout 2024", "2024-08-31"],
    ["août 2024", "2024-08-31"],
    ["septembre 2024", "2024-09-30"],
    ["sept. 2024", "2024-09-30"],
    ["sep 2024", "2024-09-30"],
    ["octobre 2024", "2024-10-31"],
    ["oct. 2024", "2024-10-31"],
    ["novembre 2024", "2024-11-30"],
    ["nov 24", "2024-11-30"],
    ["déc. 23", "2023-12-31"],
    ["dec 2023", "2023-12-31"],
  ])("%s → %s", (label, due) => {
    expectDate(label, due, "month");
  });

  it.each<[string, string]>([
    ["12/2023", "2023-12-31"],
    ["03/2024", "2024-03-31"],
    ["3/2024", "2024-03-31"],
    ["02/2024", "2024-02-29"],
    ["2024-03", "2024-03-31"],
    ["2024-02", "2024-02-29"],
    ["2023-02", "2023-02-28"],
    ["2024/11", "2024-11-30"],
    ["03.2024", "2024-03-31"],
  ])("numeric month %s → %s", (label, due) => {
    expectDate(label, due, "month");
  });

  it("does not read mm/yy, which is ambiguous with dd/mm", () => {
    expect(parseFuzzyDeadline("12/11").kind).toBe("unparsed");
    expect(parseFuzzyDeadline("03/24").kind).toBe("unparsed");
  });
});

describe("parseFuzzyDeadline — leap years", () => {
  it.each<[string, string]>([
    ["Février 2024", "2024-02-29"],
    ["Février 2023", "2023-02-28"],
    ["février 2100", "2100-02-28"],
    ["février 2000", "2000-02-29"],
    ["février 1900", "1900-02-28"],
    ["février 2028", "2028-02-29"],
    ["Février 24", "2024-02-29"],
    ["Février 23", "2023-02-28"],
    ["02/2000", "2000-02-29"],
    ["2100-02", "2100-02-28"],
  ])("%s → %s", (label, due) => {
    expectDate(label, due, "month");
  });

  it("accepts 29 February only in a leap year", () => {
    expectDate("29/02/2024", "2024-02-29", "day");
    expectDate("29 février 2000", "2000-02-29", "day");
    expect(parseFuzzyDeadline("29/02/2023").kind).toBe("unparsed");
    expect(parseFuzzyDeadline("29 février 2100").kind).toBe("unparsed");
    expect(parseFuzzyDeadline("2100-02-29").kind).toBe("unparsed");
  });

  it("uses the leap year of the last period of a range", () => {
    expectDate("Janvier / février 2024", "2024-02-29", "range");
    expectDate("Janvier / février 2023", "2023-02-28", "range");
    expectDate("Décembre 2023 - Février 2024", "2024-02-29", "range");
  });
});

describe("parseFuzzyDeadline — two-digit years", () => {
  it.each<[string, string, Period]>([
    ["Décembre 23", "2023-12-31", "month"],
    ["déc. 23", "2023-12-31", "month"],
    ["Janvier 00", "2000-01-31", "month"],
    ["Mars 99", "2099-03-31", "month"],
    ["T4 24", "2024-12-31", "quarter"],
    ["Q2 25", "2025-06-30", "quarter"],
    ["S1 24", "2024-06-30", "semester"],
    ["1er trimestre 24", "2024-03-31", "quarter"],
    ["15/03/24", "2024-03-15", "day"],
    ["Février - Mars 24", "2024-03-31", "range"],
    ["T1 - T2 24", "2024-06-30", "range"],
    ["Juin '24", "2024-06-30", "month"],
  ])("%s → %s", (label, due, period) => {
    expectDate(label, due, period);
  });

  it("never reads a lone two-digit number as a year", () => {
    expect(parseFuzzyDeadline("24").kind).toBe("unparsed");
    expect(parseFuzzyDeadline("Fin 24").kind).toBe("unparsed");
  });
});

describe("parseFuzzyDeadline — quarters", () => {
  it.each<[string, string]>([
    ["T1 2024", "2024-03-31"],
    ["T2 2024", "2024-06-30"],
    ["T3 2024", "2024-09-30"],
    ["T4 2024", "2024-12-31"],
    ["T4 24", "2024-12-31"],
    ["Q1 2024", "2024-03-31"],
    ["Q2 2024", "2024-06-30"],
    ["Q3 2024", "2024-09-30"],
    ["Q4 2024", "2024-12-31"],
    ["t1 2024", "2024-03-31"],
    ["T1-2024", "2024-03-31"],
    ["T1.2024", "2024-03-31"],
    ["T12024", "2024-03-31"],
    ["1er trimestre 2024", "2024-03-31"],
    ["1 trimestre 2024", "2024-03-31"],
    ["premier trimestre 2024", "2024-03-31"],
    ["2e trimestre 2024", "2024-06-30"],
    ["2ème trimestre 2024", "2024-06-30"],
    ["deuxième trimestre 2024", "2024-06-30"],
    ["3ème trimestre 2024", "2024-09-30"],
    ["3e trimestre 2024", "2024-09-30"],
    ["3ᵉ trimestre 2024", "2024-09-30"],
    ["troisième trimestre 2024", "2024-09-30"],
    ["4e trimestre 2024", "2024-12-31"],
    ["quatrième trimestre de 2024", "2024-12-31"],
    ["dernier trimestre 2024", "2024-12-31"],
    ["1er trim. 2024", "2024-03-31"],
  ])("%s → %s", (label, due) => {
    expectDate(label, due, "quarter");
  });

  it.each(["T0 2024", "T5 2024", "Q5 2024", "Q0 2024", "5e trimestre 2024", "0 trimestre 2024", "T1", "1er trimestre"])(
    "%s → unparsed",
    (label) => {
      expect(parseFuzzyDeadline(label)).toEqual({ kind: "unparsed", label, due: null });
    },
  );
});

describe("parseFuzzyDeadline — semesters", () => {
  it.each<[string, string]>([
    ["S1 2024", "2024-06-30"],
    ["S2 2024", "2024-12-31"],
    ["s2 2025", "2025-12-31"],
    ["H1 2024", "2024-06-30"],
    ["1er semestre 2024", "2024-06-30"],
    ["premier semestre 2024", "2024-06-30"],
    ["2nd semestre 2024", "2024-12-31"],
    ["2nde semestre 2024", "2024-12-31"],
    ["2e semestre 2024", "2024-12-31"],
    ["second semestre 2024", "2024-12-31"],
    ["Second Semestre 2024", "2024-12-31"],
    ["deuxième semestre 2024", "2024-12-31"],
    ["dernier semestre 2024", "2024-12-31"],
  ])("%s → %s", (label, due) => {
    expectDate(label, due, "semester");
  });

  it.each(["S0 2024", "S3 2024", "3e semestre 2024", "S1"])("%s → unparsed", (label) => {
    expect(parseFuzzyDeadline(label).kind).toBe("unparsed");
  });
});

describe("parseFuzzyDeadline — ranges", () => {
  it.each<[string, string]>([
    ["Janvier / février 2024", "2024-02-29"],
    ["Janvier/février 2024", "2024-02-29"],
    ["Février - Mars 24", "2024-03-31"],
    ["Février – Mars 2024", "2024-03-31"],
    ["Février — Mars 2024", "2024-03-31"],
    ["janvier-février 2024", "2024-02-29"],
    ["Décembre 2023 - Janvier 2024", "2024-01-31"],
    ["Décembre 23 - Janvier 24", "2024-01-31"],
    ["T1 - T2 2024", "2024-06-30"],
    ["T1/T2 2024", "2024-06-30"],
    ["T3 2024 - T1 2025", "2025-03-31"],
    ["S1 - S2 2024", "2024-12-31"],
    ["2024-2025", "2025-12-31"],
    ["2024 - 2026", "2026-12-31"],
    ["Novembre - Décembre 2024", "2024-12-31"],
    ["Décembre - Janvier 2024", "2024-01-31"],
    ["janvier / février / mars 2024", "2024-03-31"],
    ["janvier à mars 2024", "2024-03-31"],
    ["de janvier à mars 2024", "2024-03-31"],
    ["entre janvier et mars 2024", "2024-03-31"],
    ["du 15 mars au 30 avril 2024", "2024-04-30"],
    ["12/2023 - 03/2024", "2024-03-31"],
    ["Décembre 2023 - T1 2024", "2024-03-31"],
    ["Début 2024 - Fin 2025", "2025-12-31"],
  ])("%s → %s", (label, due) => {
    expectDate(label, due, "range");
  });

  it.each(["2025-2024", "Mars 2024 - Janvier 2024", "T2 2024 - T1 2024", "Janvier et 2024", "Janvier / février", "T1 - T2"])(
    "%s (reversed or without a year) → unparsed",
    (label) => {
      expect(parseFuzzyDeadline(label).kind).toBe("unparsed");
    },
  );

  it("reads a year glued to its period by a dash as that period, not a range", () => {
    expectDate("Janvier - 2024", "2024-01-31", "month");
  });
});

describe("parseFuzzyDeadline — year alone and fuzzy year positions", () => {
  it.each<[string, string, Period]>([
    ["2025", "2025-12-31", "year"],
    ["2024", "2024-12-31", "year"],
    ["Fin 2024", "2024-12-31", "year"],
    ["fin 2024", "2024-12-31", "year"],
    ["Fin-2024", "2024-12-31", "year"],
    ["fin d'année 2024", "2024-12-31", "year"],
    ["Fin de l'année 2024", "2024-12-31", "year"],
    ["Fin mars 2024", "2024-03-31", "month"],
    ["fin T1 2024", "2024-03-31", "quarter"],
    // Convention: "Début <année>" is due at the end of the first quarter.
    ["Début 2025", "2025-03-31", "quarter"],
    ["debut 2025", "2025-03-31", "quarter"],
    ["Début d'année 2025", "2025-03-31", "quarter"],
    // Convention: "Mi-<année>" is due at the end of the first semester.
    ["Mi-2024", "2024-06-30", "semester"],
    ["mi 2024", "2024-06-30", "semester"],
    ["Mi–2024", "2024-06-30", "semester"],
    ["d'ici fin 2024", "2024-12-31", "year"],
    ["d'ici la fin 2024", "2024-12-31", "year"],
    ["d'ici juin 2024", "2024-06-30", "month"],
    ["au plus tard T2 2024", "2024-06-30", "quarter"],
  ])("%s → %s (%s)", (label, due, period) => {
    expectDate(label, due, period);
  });

  it.each(["1899", "3000", "Fin", "Début", "Mi-", "Fin d'année"])("%s → unparsed", (label) => {
    expect(parseFuzzyDeadline(label).kind).toBe("unparsed");
  });
});

describe("parseFuzzyDeadline — exact days", () => {
  it.each<[string, string]>([
    ["15/03/2024", "2024-03-15"],
    ["15 mars 2024", "2024-03-15"],
    ["2024-03-15", "2024-03-15"],
    ["15.03.2024", "2024-03-15"],
    ["15-03-2024", "2024-03-15"],
    ["5/3/2024", "2024-03-05"],
    ["1er mars 2024", "2024-03-01"],
    ["le 1er mars 2024", "2024-03-01"],
    ["vendredi 15 mars 2024", "2024-03-15"],
    ["31 déc. 2024", "2024-12-31"],
    ["31/12/2024", "2024-12-31"],
    ["2024/03/15", "2024-03-15"],
  ])("%s → %s", (label, due) => {
    expectDate(label, due, "day");
  });

  it.each(["31/02/2024", "30/02/2024", "31/04/2024", "32/01/2024", "00/01/2024", "15/13/2024", "15/00/2024", "2024-02-30", "2024-13-01", "31 avril 2024"])(
    "invalid day %s → unparsed",
    (label) => {
      expect(parseFuzzyDeadline(label)).toEqual({ kind: "unparsed", label, due: null });
    },
  );
});

describe("parseFuzzyDeadline — ongoing", () => {
  it.each([
    "En cours",
    "en cours",
    "EN COURS",
    "En cours de cadrage",
    "en continu",
    "En continu",
    "Continu",
    "Continue",
    "Permanent",
    "permanente",
    "En permanence",
    "Au fil de l'eau",
    "Aujourd'hui - fin de la Vague 1",
    "Aujourd’hui – fin de la vague 1",
    "Aujourd'hui",
    "aujourd'hui et après",
    "AUJOURD'HUI - FIN DE LA VAGUE 2",
    "Fin de la Vague 1",
    "Vague 2",
    "Pendant la vague 1",
    "  en\u00a0cours. ",
  ])("%s → ongoing", (label) => {
    expect(parseFuzzyDeadline(label)).toEqual({ kind: "ongoing", label, due: null });
  });

  it("keeps a date carried by an ongoing label", () => {
    expectDate("Aujourd'hui - juin 2024", "2024-06-30", "range");
    expectDate("Aujourd'hui jusqu'à fin 2024", "2024-12-31", "range");
    expectDate("Vague 1 (T3 2024)", "2024-09-30", "quarter");
    expectDate("En cours - T2 2024", "2024-06-30", "quarter");
  });
});

describe("parseFuzzyDeadline — unparsed", () => {
  it.each([
    "",
    "   ",
    "\u00a0",
    "Bientôt",
    "TBD",
    "à définir",
    "A définir",
    "N/A",
    "-",
    "Q5 2024",
    "T0 2024",
    "13/2024",
    "00/2024",
    "2024-13",
    "2024-00",
    "T1 2024 ?",
    "Janvier",
    "Mars",
    "Prochainement",
    "Semaine 12",
    "Printemps 2024",
    "x".repeat(500),
  ])("%j → unparsed, label kept", (label) => {
    expect(parseFuzzyDeadline(label)).toEqual({ kind: "unparsed", label, due: null });
  });

  it("never throws, even on unexpected runtime values", () => {
    for (const value of [null, undefined, 42, {}, "\ud800", "((((", "- - - - -", "/ / /", "janvier - ".repeat(20) + "2024"]) {
      expect(() => parseFuzzyDeadline(value as unknown as string)).not.toThrow();
    }
    expect(parseFuzzyDeadline(null as unknown as string)).toEqual({ kind: "unparsed", label: "", due: null });
  });

  it("stays fast on long labels full of separators", () => {
    const started = Date.now();
    parseFuzzyDeadline("janvier / ".repeat(11) + "x");
    parseFuzzyDeadline("T1 - ".repeat(20) + "2024");
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("parseFuzzyDeadline — whitespace, case, accents, dots", () => {
  it.each([
    "Décembre 2023",
    "décembre 2023",
    "DÉCEMBRE 2023",
    "DECEMBRE 2023",
    "Decembre 2023",
    "  Décembre   2023  ",
    "Décembre\u00a02023",
    "Décembre\u202f2023",
    "Décembre\t2023",
    "Déc. 2023",
    "déc 2023",
    "Déc.2023",
    "De\u0301cembre 2023", // decomposed accent
    "Décembre 2023.",
    "(Décembre 2023)",
    "Décembre 2023*",
  ])("%j → 2023-12-31", (label) => {
    const parsed = parseFuzzyDeadline(label);
    expect(parsed).toEqual({ kind: "date", label, due: "2023-12-31", period: "month" });
  });

  it.each(["t1 2024", "T1  2024", "T1\u00a02024", " t1 2024 ", "q1 2024"])("%j → 2024-03-31", (label) => {
    expectDate(label, "2024-03-31", "quarter");
  });

  it.each(["Février - Mars 24", "fevrier-mars 24", "FÉVRIER  –  MARS  24", "février\u00a0-\u00a0mars\u00a024", "Févr. - Mars 24"])(
    "%j → 2024-03-31",
    (label) => {
      expectDate(label, "2024-03-31", "range");
    },
  );

  it("keeps the label exactly as written", () => {
    const label = "  Janv.\u00a02024 ";
    expect(parseFuzzyDeadline(label).label).toBe(label);
  });
});

describe("formatDeadlineChange", () => {
  it("says reportée when the new due date is later", () => {
    expect(formatDeadlineChange("T1 2024", "S1 2024")).toBe("échéance reportée de T1 2024 à S1 2024");
    expect(formatDeadlineChange("Décembre 23", "Février - Mars 24")).toBe("échéance reportée de Décembre 23 à Février - Mars 24");
    expect(formatDeadlineChange("Février 2024", "2025")).toBe("échéance reportée de Février 2024 à 2025");
  });

  it("says avancée when the new due date is earlier", () => {
    expect(formatDeadlineChange("S2 2024", "T1 2024")).toBe("échéance avancée de S2 2024 à T1 2024");
    expect(formatDeadlineChange("2025", "Début 2025")).toBe("échéance avancée de 2025 à Début 2025");
  });

  it("says modifiée when the due date is the same", () => {
    expect(formatDeadlineChange("T1 2024", "Mars 2024")).toBe("échéance modifiée de T1 2024 à Mars 2024");
    expect(formatDeadlineChange("S2 2024", "Fin 2024")).toBe("échéance modifiée de S2 2024 à Fin 2024");
    expect(formatDeadlineChange("T1 2024", "T1 2024")).toBe("échéance modifiée de T1 2024 à T1 2024");
  });

  it("says modifiée when either side is ongoing or unparsed", () => {
    expect(formatDeadlineChange("En cours", "T1 2024")).toBe("échéance modifiée de En cours à T1 2024");
    expect(formatDeadlineChange("T1 2024", "En cours")).toBe("échéance modifiée de T1 2024 à En cours");
    expect(formatDeadlineChange("TBD", "S1 2024")).toBe("échéance modifiée de TBD à S1 2024");
    expect(formatDeadlineChange("S1 2024", "Bientôt")).toBe("échéance modifiée de S1 2024 à Bientôt");
    expect(formatDeadlineChange("Aujourd'hui - fin de la Vague 1", "En cours")).toBe(
      "échéance modifiée de Aujourd'hui - fin de la Vague 1 à En cours",
    );
  });

  it("collapses whitespace and names an empty label", () => {
    expect(formatDeadlineChange("  T1\u00a0 2024 ", "S1 2024")).toBe("échéance reportée de T1 2024 à S1 2024");
    expect(formatDeadlineChange("", "S1 2024")).toBe("échéance modifiée de (non renseignée) à S1 2024");
    expect(formatDeadlineChange("S1 2024", "   ")).toBe("échéance modifiée de S1 2024 à (non renseignée)");
  });
});

describe("isOverdue", () => {
  const t1 = parseFuzzyDeadline("T1 2024"); // due 2024-03-31

  it("is true for an unfinished dated action past its due date", () => {
    expect(isOverdue(t1, "2024-04-01", false)).toBe(true);
    expect(isOverdue(t1, "2025-01-01", false)).toBe(true);
  });

  it("is false on the due day itself and before", () => {
    expect(isOverdue(t1, "2024-03-31", false)).toBe(false);
    expect(isOverdue(t1, "2024-01-15", false)).toBe(false);
  });

  it("is false once done", () => {
    expect(isOverdue(t1, "2024-04-01", true)).toBe(false);
  });

  it("is false for ongoing and unparsed deadlines", () => {
    expect(isOverdue(parseFuzzyDeadline("En cours"), "2099-01-01", false)).toBe(false);
    expect(isOverdue(parseFuzzyDeadline("Aujourd'hui - fin de la Vague 1"), "2099-01-01", false)).toBe(false);
    expect(isOverdue(parseFuzzyDeadline("TBD"), "2099-01-01", false)).toBe(false);
    expect(isOverdue(parseFuzzyDeadline(""), "2099-01-01", false)).toBe(false);
  });

  it("uses the last day of the period (leap day included)", () => {
    const feb = parseFuzzyDeadline("Février 2024");
    expect(isOverdue(feb, "2024-02-29", false)).toBe(false);
    expect(isOverdue(feb, "2024-03-01", false)).toBe(true);
    const range = parseFuzzyDeadline("Décembre 2023 - Janvier 2024");
    expect(isOverdue(range, "2024-01-15", false)).toBe(false);
    expect(isOverdue(range, "2024-02-01", false)).toBe(true);
  });

  it("accepts a full ISO timestamp and ignores an invalid today", () => {
    expect(isOverdue(t1, "2024-04-01T08:00:00.000Z", false)).toBe(true);
    expect(isOverdue(t1, "", false)).toBe(false);
    expect(isOverdue(t1, "01/04/2024", false)).toBe(false);
  });
});
