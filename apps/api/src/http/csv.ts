// CSV for spreadsheets (RFC 4180): every cell quoted, CRLF line ends, a UTF-8 byte-order mark so
// Excel reads accents and symbols right. A cell that a spreadsheet would take for a formula
// (starting =, +, -, @, tab or carriage return) gets a leading apostrophe, so opening an export
// never runs anything someone typed into a listing.

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, made safe to open and quoted. */
export function csvCell(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** A whole file: the header row, then one row per record. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null)[])[],
): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
