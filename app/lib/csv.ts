import { parse } from "csv-parse/sync";
import { counted } from "./text/plural";
import { foldAccents } from "./text/text";

/**
 * CSV in and out. Written as French spreadsheet software expects it: UTF-8 with a BOM, semicolons, CRLF, RFC 4180 quoting.
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

/**
 * The same file as `toCsv`, written a page of rows at a time as the client reads it: the server's event loop turns
 * between pages (other requests are answered meanwhile), and when the client goes away (`signal`) the remaining pages
 * are never read.
 */
export function csvStreamResponse(header: readonly string[], pages: Iterator<readonly (readonly string[])[]>, filename: string, signal?: AbortSignal) {
  const encoder = new TextEncoder();
  const line = (cells: readonly string[]) => cells.map((c) => quoteCsvCell(c)).join(";") + "\r\n";
  let started = false;
  const stop = () => void pages.return?.();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode("\uFEFF" + line(header)));
        return;
      }
      await new Promise((resolve) => setImmediate(resolve));
      if (signal?.aborted) {
        stop();
        return controller.error(new Error("CSV download abandoned by the client."));
      }
      const next = pages.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(next.value.map(line).join("")));
    },
    cancel: stop,
  });
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` } });
}

export function csvResponse(body: string, filename: string) {
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` } });
}

/** Spreadsheet software writes UTF-8 (with or without BOM) or Windows-1252: read either. */
export function decodeCsv(bytes: Uint8Array): string {
  const withoutBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(withoutBom);
  } catch {
    return new TextDecoder("windows-1252").decode(withoutBom);
  }
}

/** A file that is not well-formed CSV (a quote left open…), with the line where the broken record starts. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const lineBreaks = (cells: string[]) => cells.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);

/**
 * RFC 4180 records (quotes, doubled quotes, line breaks inside quotes), with each record's first line number;
 * blank records are left out. Lines are counted here rather than taken from csv-parse, which counts a CRLF inside
 * quotes as two lines. Throws `CsvSyntaxError` on a file that is not CSV.
 */
export function parseCsvRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let line = 1;
  try {
    parse(text, {
      delimiter,
      record_delimiter: ["\r\n", "\n", "\r"],
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      on_record: (cells: string[]) => {
        if (cells.some((v) => v.trim() !== "")) records.push({ line, cells });
        line += 1 + lineBreaks(cells);
        return null;
      },
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new CsvSyntaxError(
      line,
      code === "CSV_QUOTE_NOT_CLOSED"
        ? "un guillemet ouvert sur cette ligne n'est jamais refermé."
        : code === "CSV_INVALID_CLOSING_QUOTE" || code === "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE"
          ? "un guillemet fermant est suivi d'autres caractères dans la même cellule."
          : "ce n'est pas un fichier CSV lisible.",
    );
  }
  return records;
}

/** A problem of an imported file, with the line it is on (the header's for a file-wide one). */
export type CsvLineError = { line: number; message: string };

const headerKey = (s: string) => foldAccents(s).replace(/[^a-z0-9]+/g, " ").trim();

/**
 * The one reading of an imported table (the action plan, a backlog of reports, an indicator's values): the delimiter
 * (semicolon or comma, whichever the first line has more of), the header (these columns in this order, accents and
 * case aside), each line's column count, and each line's own checks. `readLine` gets the trimmed cells and pushes
 * what is wrong into `problems`; its row is kept only when it pushed nothing. Every problem is listed with its line,
 * and rows are returned only when there is none (imports are all or nothing).
 */
export function readCsvTable<T>(
  text: string,
  columns: readonly string[],
  readLine: (cells: string[], problems: string[], line: number) => T,
  options: { noRowsMessage?: string } = {},
): { rows: T[]; errors: CsvLineError[] } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = firstLine.split(";").length >= firstLine.split(",").length ? ";" : ",";
  let records: { line: number; cells: string[] }[];
  try {
    records = parseCsvRecords(text, delimiter);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], errors: [{ line: error.line, message: error.message }] };
    throw error;
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, message: "Le fichier est vide." }] };
  const header = records[0].cells.map(headerKey);
  if (header.length !== columns.length || header.some((h, i) => h !== headerKey(columns[i]))) {
    return { rows: [], errors: [{ line: records[0].line, message: `Colonnes attendues, dans cet ordre : ${columns.join(", ")}. Colonnes trouvées : ${records[0].cells.join(", ")}.` }] };
  }
  if (records.length === 1 && options.noRowsMessage) return { rows: [], errors: [{ line: records[0].line, message: options.noRowsMessage }] };
  const rows: T[] = [];
  const errors: CsvLineError[] = [];
  for (const { line, cells } of records.slice(1)) {
    if (cells.length !== columns.length) {
      errors.push({ line, message: `${counted(cells.length, "colonne", "colonnes")} au lieu de ${columns.length}.` });
      continue;
    }
    const problems: string[] = [];
    const row = readLine(
      cells.map((c) => c.trim()),
      problems,
      line,
    );
    if (problems.length) errors.push({ line, message: `${problems.join(" ; ")}.` });
    else rows.push(row);
  }
  return errors.length ? { rows: [], errors } : { rows, errors };
}
