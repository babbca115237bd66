import { detectDelimiter, parseDelimited } from './csv';
import { decodeText, detectEncoding } from './decode-text';
import { FileReadError, IMPORT_LIMITS, type FileError, type ImportLimits } from './limits';
import { readOds } from './ods';
import type { TextEncodingName, Workbook } from './sheet';
import { readXlsx } from './xlsx';
import { zipPartNames } from './zip-parts';

export interface ReadOptions {
  /** Overrides for delimited text; detected when absent. */
  encoding?: TextEncodingName;
  delimiter?: string;
  limits?: ImportLimits;
}

export type WorkbookRead = { ok: true; workbook: Workbook } | { ok: false; error: FileError };

/** Magic numbers of files analysts are likely to pick by mistake, for the one sentence they get. */
const NOT_SPREADSHEETS: ReadonlyArray<{ magic: number[]; looksLike: string }> = [
  { magic: [0x25, 0x50, 0x44, 0x46], looksLike: 'a PDF document' },
  { magic: [0x89, 0x50, 0x4e, 0x47], looksLike: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], looksLike: 'a JPEG image' },
  { magic: [0x47, 0x49, 0x46, 0x38], looksLike: 'a GIF image' },
  { magic: [0x7b, 0x5c, 0x72, 0x74, 0x66], looksLike: 'an RTF document' },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * Reads any supported file into sheets, deciding the format from its bytes, not its name (a
 * renamed file is still what it is). Every failure is a value with a sentence for the analyst.
 */
export function readWorkbook(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): WorkbookRead {
  const limits = options.limits ?? IMPORT_LIMITS;
  try {
    if (bytes.length === 0) return { ok: false, error: { code: 'empty_file' } };
    if (bytes.length > limits.maxFileBytes) return { ok: false, error: { code: 'file_too_large', size: bytes.length, limit: limits.maxFileBytes } };
    if (startsWith(bytes, OLE)) return { ok: false, error: { code: 'legacy_xls' } };
    for (const known of NOT_SPREADSHEETS) {
      if (startsWith(bytes, known.magic)) return { ok: false, error: { code: 'not_a_spreadsheet', looksLike: known.looksLike } };
    }
    if (startsWith(bytes, ZIP)) return { ok: true, workbook: readZipWorkbook(bytes, fileName, limits) };
    return { ok: true, workbook: readText(bytes, fileName, options, limits) };
  } catch (error) {
    if (error instanceof FileReadError) return { ok: false, error: error.error };
    throw error;
  }
}

function readZipWorkbook(bytes: Uint8Array, fileName: string, limits: ImportLimits): Workbook {
  const names = new Set(zipPartNames(bytes));
  if (names.has('xl/workbook.xml')) return readXlsx(bytes, fileName, limits);
  if (names.has('content.xml') && names.has('mimetype')) return readOds(bytes, fileName, limits);
  if (names.has('word/document.xml')) throw new FileReadError({ code: 'not_a_spreadsheet', looksLike: 'a Word document' });
  if (names.has('ppt/presentation.xml')) throw new FileReadError({ code: 'not_a_spreadsheet', looksLike: 'a PowerPoint presentation' });
  if (names.has('content.xml')) throw new FileReadError({ code: 'not_a_spreadsheet', looksLike: 'an OpenDocument text or presentation' });
  throw new FileReadError({ code: 'not_a_spreadsheet', looksLike: 'a ZIP archive' });
}

function readText(bytes: Uint8Array, fileName: string, options: ReadOptions, limits: ImportLimits): Workbook {
  const encoding = options.encoding ?? detectEncoding(bytes);
  if (!encoding.startsWith('utf-16') && looksBinary(bytes)) throw new FileReadError({ code: 'not_a_spreadsheet' });
  const text = decodeText(bytes, encoding);
  const isTsv = /\.tsv$/i.test(fileName);
  const delimiter = options.delimiter ?? (isTsv ? '\t' : detectDelimiter(text));
  const name = fileName.replace(/\.[^.]*$/, '') || fileName;
  return {
    fileName,
    format: delimiter === '\t' ? 'tsv' : 'csv',
    date1904: false,
    encoding,
    delimiter,
    sheets: [{ name, rows: parseDelimited(text, delimiter, name, limits) }],
  };
}

/** Text never holds NUL or most other control bytes; a binary file renamed to .csv does. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > sample.length / 100;
}
