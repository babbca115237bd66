import { FileReadError, type ImportLimits } from './limits';
import { excelSerialToIso } from './dates';
import type { Cell, Sheet, Workbook } from './sheet';
import { parseXml } from './xml';
import { readZipParts } from './zip-parts';

/**
 * An Office Open XML workbook (.xlsx): the sheets' cached cell values (a formula's `<f>` is ignored
 * and its last computed `<v>` read), shared strings, the 1900/1904 date system and the number
 * formats that mark a number as a date.
 */
export function readXlsx(bytes: Uint8Array, fileName: string, limits: ImportLimits): Workbook {
  const parts = readZipParts(
    bytes,
    (name) =>
      name === 'xl/workbook.xml' ||
      name === 'xl/_rels/workbook.xml.rels' ||
      name === 'xl/sharedStrings.xml' ||
      name === 'xl/styles.xml' ||
      /^xl\/worksheets\/[^/]+\.xml$/.test(name),
    limits,
  );
  const workbookXml = parts.get('xl/workbook.xml');
  if (!workbookXml) throw new FileReadError({ code: 'damaged', detail: 'no workbook part' });

  const { sheets: declared, date1904 } = readWorkbookPart(workbookXml);
  if (declared.length > limits.maxSheets) throw new FileReadError({ code: 'too_many_sheets', limit: limits.maxSheets });
  const targets = readRelationships(parts.get('xl/_rels/workbook.xml.rels'));
  const strings = readSharedStrings(parts.get('xl/sharedStrings.xml'));
  const dateStyles = readDateStyles(parts.get('xl/styles.xml'));

  const sheets: Sheet[] = [];
  for (const sheet of declared) {
    const target = targets.get(sheet.relationId);
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const xml = parts.get(path);
    if (!xml) continue;
    sheets.push({ name: sheet.name, rows: readSheetPart(xml, sheet.name, strings, dateStyles, date1904, limits) });
  }
  return { fileName, format: 'xlsx', date1904, sheets };
}

function readWorkbookPart(xml: Uint8Array): { sheets: { name: string; relationId: string }[]; date1904: boolean } {
  const sheets: { name: string; relationId: string }[] = [];
  let date1904 = false;
  parseXml(xml, 'workbook', {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      else if (name === 'sheet' && attributes.name) sheets.push({ name: attributes.name, relationId: attributes['r:id'] ?? '' });
    },
  });
  return { sheets, date1904 };
}

function readRelationships(xml: Uint8Array | undefined): Map<string, string> {
  const targets = new Map<string, string>();
  if (!xml) return targets;
  parseXml(xml, 'workbook relationships', {
    open(name, attributes) {
      if (name === 'Relationship' && attributes.Id && attributes.Target) targets.set(attributes.Id, attributes.Target);
    },
  });
  return targets;
}

/** Each `<si>`'s text: plain `<t>` or rich-text runs; phonetic guides (`<rPh>`) are not part of it. */
function readSharedStrings(xml: Uint8Array | undefined): string[] {
  const strings: string[] = [];
  if (!xml) return strings;
  let current: string | undefined;
  let inText = false;
  let inPhonetic = false;
  parseXml(xml, 'shared strings', {
    open(name, _attributes, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 'rPh') inPhonetic = !selfClosing;
      else if (name === 't' && !selfClosing) inText = true;
    },
    close(name) {
      if (name === 'si') {
        strings.push(current ?? '');
        current = undefined;
      } else if (name === 'rPh') inPhonetic = false;
      else if (name === 't') inText = false;
    },
    text(text) {
      if (inText && !inPhonetic && current !== undefined) current += text;
    },
  });
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format shows a date when it has d, m or y outside quotes, brackets and escapes. */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles (`s` index into `cellXfs`) display a date. */
function readDateStyles(xml: Uint8Array | undefined): Set<number> {
  const styles = new Set<number>();
  if (!xml) return styles;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  parseXml(xml, 'styles', {
    open(name, attributes) {
      if (name === 'numFmt' && attributes.numFmtId && attributes.formatCode !== undefined) {
        if (isDateFormatCode(attributes.formatCode)) customDates.add(Number(attributes.numFmtId));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attributes.numFmtId ?? 0);
        if (BUILTIN_DATE_FORMATS.has(id) || customDates.has(id)) styles.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return styles;
}

/** "BC12" → column 54 (0-based), row 11 (0-based). */
function cellPosition(ref: string): { column: number; row: number } | undefined {
  const match = /^([A-Z]{1,3})([0-9]{1,7})$/.exec(ref);
  if (!match) return undefined;
  let column = 0;
  for (const ch of match[1]!) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { column: column - 1, row: Number(match[2]) - 1 };
}

function readSheetPart(
  xml: Uint8Array,
  sheetName: string,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
  limits: ImportLimits,
): Cell[][] {
  const rows: Cell[][] = [];
  let rowIndex = -1;
  let columnIndex = -1;
  let type = 'n';
  let style = 0;
  let value: string | undefined;
  let collecting: 'v' | 't' | undefined;
  let inlineText = '';

  const place = (row: number, column: number, cell: Cell) => {
    if (row >= limits.maxRowsPerSheet) throw new FileReadError({ code: 'too_many_rows', sheet: sheetName, limit: limits.maxRowsPerSheet });
    if (column >= limits.maxColumns) throw new FileReadError({ code: 'too_many_columns', sheet: sheetName, limit: limits.maxColumns });
    if (typeof cell === 'string' && cell.length > limits.maxCellChars) {
      throw new FileReadError({ code: 'cell_too_long', sheet: sheetName, row: row + 1, limit: limits.maxCellChars });
    }
    while (rows.length <= row) rows.push([]);
    const target = rows[row]!;
    while (target.length < column) target.push(null);
    target[column] = cell;
  };

  parseXml(xml, `sheet ${sheetName}`, {
    open(name, attributes, selfClosing) {
      if (name === 'row') {
        rowIndex = attributes.r ? Number(attributes.r) - 1 : rowIndex + 1;
        columnIndex = -1;
      } else if (name === 'c') {
        const position = attributes.r ? cellPosition(attributes.r) : undefined;
        columnIndex = position ? position.column : columnIndex + 1;
        if (position) rowIndex = position.row;
        type = attributes.t ?? 'n';
        style = Number(attributes.s ?? 0);
        value = undefined;
        inlineText = '';
      } else if ((name === 'v' || (name === 't' && type === 'inlineStr')) && !selfClosing) {
        collecting = name === 'v' ? 'v' : 't';
        if (name === 'v') value = '';
      }
    },
    close(name) {
      if (name === 'v' || name === 't') collecting = undefined;
      else if (name === 'c') {
        const cell = cellValue(type, type === 'inlineStr' ? inlineText : value, style, strings, dateStyles, date1904);
        if (cell !== null) place(rowIndex, columnIndex, cell);
      }
    },
    text(text) {
      if (collecting === 'v') value += text;
      else if (collecting === 't') inlineText += text;
    },
  });
  return rows;
}

function cellValue(
  type: string,
  raw: string | undefined,
  style: number,
  strings: readonly string[],
  dateStyles: ReadonlySet<number>,
  date1904: boolean,
): Cell {
  if (raw === undefined || raw === '') return type === 'inlineStr' && raw ? raw : null;
  switch (type) {
    case 's':
      return strings[Number(raw)] ?? null;
    case 'str':
    case 'inlineStr':
      return raw;
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      // An error value (#N/A, #DIV/0!) is what the sheet showed: kept as text, rejected by the mapping.
      return raw;
    case 'd':
      return raw.slice(0, 10);
    default: {
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      if (dateStyles.has(style)) return excelSerialToIso(n, date1904) ?? n;
      return n;
    }
  }
}
