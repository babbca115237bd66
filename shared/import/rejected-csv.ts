import type { RejectedRow } from './plan-types';

/**
 * The rejected rows as a CSV to fix and re-import: where each came from, which column and why, then
 * the row's original values under their own headers. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ first) are prefixed with an apostrophe: the file goes back into Excel.
 */
export function rejectedRowsCsv(rows: readonly RejectedRow[], describe: (reason: string) => string = (r) => r): string {
  const valueHeaders = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  const header = ['file', 'sheet', 'row', 'column', 'reason', ...valueHeaders];
  const lines = [header.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push([r.file, r.sheet, String(r.row), r.column, describe(r.reason), ...valueHeaders.map((h) => r.values[h] ?? '')].map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
