import { FileReadError, IMPORT_LIMITS, type ImportLimits } from './limits';
import type { Cell } from './sheet';

export const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * The delimiter that splits the first lines into the same number of fields most consistently
 * (a Spanish Excel writes ";", an English one ","; TSV is a tab). Quoted fields are skipped so a
 * comma inside an address does not vote.
 */
export function detectDelimiter(text: string): string {
  const lines = firstLines(text, 20);
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const consistent = counts.filter((c) => c === first).length;
    const score = consistent * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length && lines.length < count; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' && !quoted) {
      const line = text.slice(start, i).replace(/\r$/, '');
      if (line.trim() !== '') lines.push(line);
      start = i + 1;
    }
  }
  if (lines.length < count && start < text.length && text.slice(start).trim() !== '') lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * RFC 4180 rows: quoted fields may hold the delimiter, `""` and line breaks; CRLF, LF or CR end a
 * record. A stray quote inside an unquoted field is kept as a character (Excel writes such files).
 * Every value is text: identifiers keep their leading zeros. Limits are checked as rows are read.
 */
export function parseDelimited(text: string, delimiter: string, sheetName: string, limits: ImportLimits = IMPORT_LIMITS): Cell[][] {
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let field = '';
  let quoted = false;
  let fieldStarted = false;
  let i = 0;
  const endField = () => {
    if (field.length > limits.maxCellChars) {
      throw new FileReadError({ code: 'cell_too_long', sheet: sheetName, row: rows.length + 1, limit: limits.maxCellChars });
    }
    row.push(field === '' ? null : field);
    if (row.length > limits.maxColumns) throw new FileReadError({ code: 'too_many_columns', sheet: sheetName, limit: limits.maxColumns });
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
    if (rows.length > limits.maxRowsPerSheet) throw new FileReadError({ code: 'too_many_rows', sheet: sheetName, limit: limits.maxRowsPerSheet });
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) endField();
    else if (ch === '\n' || ch === '\r') {
      endRow();
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += ch;
      fieldStarted = true;
    }
    if (field.length > limits.maxCellChars) {
      throw new FileReadError({ code: 'cell_too_long', sheet: sheetName, row: rows.length + 1, limit: limits.maxCellChars });
    }
    i++;
  }
  if (fieldStarted || field !== '' || row.length > 0) endRow();
  // Blank lines stay as empty rows, so a row's number is its record's number in the file.
  return rows;
}
