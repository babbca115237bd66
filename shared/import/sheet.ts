/**
 * A spreadsheet as the import reads it, whatever the file format: sheets of rows of cells. A cell is
 * text, a number, a boolean, or empty (null). Dates that the workbook itself typed as dates (an
 * XLSX number with a date style, an ODS `date` cell) arrive already as `YYYY-MM-DD` text, since the
 * file says unambiguously what they are; everything else is left as written, for the column's
 * declared date format to read.
 */
export type Cell = string | number | boolean | null;

export interface Sheet {
  name: string;
  /** Rows as they stand in the file, the header row included; trailing empty cells trimmed. */
  rows: Cell[][];
}

export type WorkbookFormat = 'xlsx' | 'ods' | 'csv' | 'tsv';

export interface Workbook {
  fileName: string;
  format: WorkbookFormat;
  /** XLSX workbooks can count serial dates from 1904 (old Mac Excel); everything else from 1900. */
  date1904: boolean;
  /** For delimited text: what was used to read it, shown so that the analyst can override it. */
  encoding?: TextEncodingName;
  delimiter?: string;
  sheets: Sheet[];
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A cell as text, the way it reads in the spreadsheet (numbers without a thousands separator). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell).trim();
}
