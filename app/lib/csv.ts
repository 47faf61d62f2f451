/**
 * CSV as French spreadsheet software expects it: UTF-8 with a BOM, semicolons, CRLF, RFC 4180 quoting.
 *
 * Every export goes through here, and every cell is guarded against formula injection: a cell a spreadsheet would
 * run as a formula (=, +, -, @, tab or carriage return first) is prefixed with an apostrophe, which spreadsheets
 * show as text. Plain numbers ("-3", "-12,5") are left alone: they cannot hold a formula, and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

export function neutraliseFormula(value: string) {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseFormula` for files we exported and get back (the action plan import). */
export function restoreNeutralisedFormula(value: string) {
  return /^'[=+\-@\t\r]/.test(value) && !PLAIN_NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

export function quoteCsvCell(value: string) {
  const safe = neutraliseFormula(value);
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]) {
  const lines = [header, ...rows].map((cells) => cells.map((c) => quoteCsvCell(c)).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function csvResponse(body: string, filename: string) {
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` } });
}
