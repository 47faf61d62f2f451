import { readCsvTable, type CsvLineError } from "~/lib/csv";

export type IndicatorValue = { period: string; dimension: string; value: number };
export type ValuesParseResult = { values: (IndicatorValue & { line: number })[]; errors: CsvLineError[] };

const PERIOD = /^(\d{4})(-(0[1-9]|1[0-2]))?$/;

/** French numbers: "6,54", "1 234,5" (spaces or non-breaking spaces as thousands separators), or "6.54". */
export function parseFrenchNumber(raw: string): number | null {
  const cleaned = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  if (!/^-?\d+([.,]\d+)?$/.test(cleaned)) return null;
  return Number(cleaned.replace(",", "."));
}

/** Checks one value as typed or imported; returns the problems found, in French (empty when valid). */
export function checkIndicatorValue(period: string, dimension: string, raw: string, allowedDimensions: string[]): { value: number | null; problems: string[] } {
  const problems: string[] = [];
  if (period && !PERIOD.test(period)) problems.push(`période « ${period} » invalide (AAAA-MM, AAAA ou vide)`);
  if (allowedDimensions.length && !allowedDimensions.includes(dimension)) problems.push(`dimension inconnue « ${dimension} » (attendu : ${allowedDimensions.join(", ")})`);
  const value = parseFrenchNumber(raw);
  if (value === null) problems.push(`valeur « ${raw} » invalide (nombre, virgule décimale acceptée)`);
  return { value, problems };
}

/**
 * Reads "periode;dimension;valeur" lines. Every problem is reported with its line; values are returned only
 * when there is none (the import then applies them in one transaction).
 */
export function parseIndicatorCsv(text: string, allowedDimensions: string[]): ValuesParseResult {
  const seen = new Map<string, number>();
  const { rows, errors } = readCsvTable(text, ["periode", "dimension", "valeur"], ([period, dimension, raw], problems, line) => {
    const checked = checkIndicatorValue(period, dimension, raw, allowedDimensions);
    problems.push(...checked.problems);
    const key = `${period}|${dimension}`;
    if (seen.has(key)) problems.push(`période et dimension en double (déjà ligne ${seen.get(key)})`);
    seen.set(key, line);
    return { line, period, dimension, value: checked.value! };
  });
  return { values: rows, errors };
}
