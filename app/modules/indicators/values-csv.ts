import { CsvSyntaxError, parseCsvRecords } from "~/lib/csv";

export type IndicatorValue = { period: string; dimension: string; value: number };
export type ValuesParseResult = { values: (IndicatorValue & { line: number })[]; errors: { line: number; message: string }[] };

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
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.includes(";") ? ";" : ",";
  let records: { line: number; cells: string[] }[];
  try {
    records = parseCsvRecords(text, delimiter);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { values: [], errors: [{ line: error.line, message: error.message }] };
    throw error;
  }
  if (records.length === 0) return { values: [], errors: [{ line: 1, message: "Le fichier est vide." }] };
  const header = records[0].cells.map((c) => c.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
  if (header.join(";") !== "periode;dimension;valeur") {
    return { values: [], errors: [{ line: records[0].line, message: `Colonnes attendues : periode, dimension, valeur. Colonnes trouvées : ${records[0].cells.join(", ")}.` }] };
  }
  const values: ValuesParseResult["values"] = [];
  const errors: ValuesParseResult["errors"] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records.slice(1)) {
    if (cells.length !== 3) {
      errors.push({ line, message: `${cells.length} colonnes au lieu de 3.` });
      continue;
    }
    const [period, dimension, raw] = cells.map((c) => c.trim());
    const { value, problems } = checkIndicatorValue(period, dimension, raw, allowedDimensions);
    const key = `${period}|${dimension}`;
    if (seen.has(key)) problems.push(`période et dimension en double (déjà ligne ${seen.get(key)})`);
    seen.set(key, line);
    if (problems.length) errors.push({ line, message: problems.join(" ; ") + "." });
    else values.push({ line, period, dimension, value: value! });
  }
  return errors.length ? { values: [], errors } : { values, errors };
}
