import { parse } from "csv-parse/sync";

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
