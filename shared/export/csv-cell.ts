/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * A cell a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage return:
 * CSV injection) gets a leading apostrophe, which spreadsheets show as text and never evaluate;
 * the export's documentation says so, since the apostrophe is then part of the value.
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// Apostrophes already in front count too ("'=x" is written "''=x"), so that a reader removing one
// apostrophe (the import's formulaApostrophes) gets every value back exactly.
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** One CSV line, CRLF-terminated as RFC 4180 and Excel expect. */
export function csvLine(cells: readonly (string | number | boolean)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** UTF-8's byte-order mark: Excel reads a CSV as UTF-8 (Arabic names intact) only when it starts with one. */
export const BOM = '\uFEFF';
