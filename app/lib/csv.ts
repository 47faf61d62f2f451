/**
 * CSV as French spreadsheet software expects it: UTF-8 with a BOM, semicolons, CRLF, RFC 4180 quoting. Cells that
 * a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an apostrophe when `guardFormulas`
 * is set, for files whose cells come from people's input.
 */
export function quoteCsvCell(value: string, guardFormulas = false) {
  const safe = guardFormulas && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], { guardFormulas = false } = {}) {
  const lines = [header, ...rows].map((cells) => cells.map((c) => quoteCsvCell(c, guardFormulas)).join(";"));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}

export function csvResponse(body: string, filename: string) {
  return new Response(body, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"` } });
}
