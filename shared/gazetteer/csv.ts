/**
 * A small RFC 4180 reader: comma-separated fields, CRLF or LF record ends, double-quoted fields that
 * may hold commas, line breaks and doubled quotes (`""`). Used for the bundled gazetteer and for any
 * CSV an analyst imports, so malformed input is a value with a message key, never a throw.
 */
export type CsvResult =
  | { ok: true; rows: string[][] }
  | { ok: false; code: 'csv_unterminated_quote' | 'csv_stray_quote'; line: number };

export function parseCsv(text: string): CsvResult {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // a byte-order mark is not part of the first field
  const n = text.length;
  // A final record end does not start another record.
  const end = text.endsWith('\r\n') ? n - 2 : text.endsWith('\n') ? n - 1 : n;
  if (end <= i) return { ok: true, rows };

  while (i < end) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: read to the closing quote, unescaping doubled quotes.
      const startLine = line;
      i += 1;
      for (;;) {
        if (i >= end) return { ok: false, code: 'csv_unterminated_quote', line: startLine };
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"' && i + 1 < end) {
            field += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        if (c === '\n') line += 1;
        field += c;
        i += 1;
      }
      const next = text[i];
      if (i < end && next !== ',' && next !== '\n' && next !== '\r') {
        return { ok: false, code: 'csv_stray_quote', line };
      }
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' ? 2 : 1;
      line += 1;
    } else if (ch === '"') {
      return { ok: false, code: 'csv_stray_quote', line };
    } else {
      field += ch;
      i += 1;
    }
  }
  row.push(field);
  rows.push(row);
  return { ok: true, rows };
}
