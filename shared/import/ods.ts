import { FileReadError, type ImportLimits } from './limits';
import type { Cell, Sheet, Workbook } from './sheet';
import { parseXml } from './xml';
import { readZipParts } from './zip-parts';

const TEXT_SPACE = 'text:s';

/**
 * An OpenDocument spreadsheet (.ods): content.xml's tables, each cell's stored value (`office:value`,
 * `office:date-value`, `office:boolean-value`, else its text; a formula is never evaluated). Runs
 * of repeated rows and cells are expanded only when something non-empty follows them — LibreOffice
 * writes a million empty rows as one repeated row — and never past the limits.
 */
export function readOds(bytes: Uint8Array, fileName: string, limits: ImportLimits): Workbook {
  const parts = readZipParts(bytes, (name) => name === 'content.xml' || name === 'META-INF/manifest.xml', limits);
  const manifest = parts.get('META-INF/manifest.xml');
  if (manifest && new TextDecoder().decode(manifest).includes('encryption-data')) {
    throw new FileReadError({ code: 'encrypted_workbook' });
  }
  const content = parts.get('content.xml');
  if (!content) throw new FileReadError({ code: 'damaged', detail: 'no content part' });

  const sheets: Sheet[] = [];
  let sheet: Sheet | undefined;
  let pendingRows = 0;
  let row: Cell[] = [];
  let rowRepeat = 1;
  let pendingCells = 0;
  let cell: { value: Cell; repeat: number; text: string; textual: boolean; paragraphs: number } | undefined;
  let depthInCell = 0;

  const tooMany = (name: string, count: number, limit: number, code: 'too_many_rows' | 'too_many_columns') => {
    if (count > limit) throw new FileReadError({ code, sheet: name, limit });
  };

  parseXml(content, 'content', {
    // saxes reports a self-closing element as an open followed by a close.
    open(name, attributes) {
      if (name === 'table:table') {
        sheet = { name: attributes['table:name'] ?? `Sheet${sheets.length + 1}`, rows: [] };
        if (sheets.length + 1 > limits.maxSheets) throw new FileReadError({ code: 'too_many_sheets', limit: limits.maxSheets });
        pendingRows = 0;
      } else if (name === 'table:table-row' && sheet) {
        row = [];
        pendingCells = 0;
        rowRepeat = boundedRepeat(attributes['table:number-rows-repeated']);
      } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && sheet) {
        cell = { value: storedValue(attributes), repeat: boundedRepeat(attributes['table:number-columns-repeated']), text: '', textual: false, paragraphs: 0 };
        cell.textual = cell.value === null;
      } else if (cell) {
        depthInCell++;
        if (name === 'text:p') {
          if (cell.paragraphs > 0) cell.text += '\n';
          cell.paragraphs++;
        } else if (name === TEXT_SPACE) cell.text += ' '.repeat(Math.min(boundedRepeat(attributes['text:c']), 1000));
        else if (name === 'text:tab') cell.text += '\t';
        else if (name === 'text:line-break') cell.text += '\n';
      }
    },
    close(name) {
      if (name === 'table:table' && sheet) {
        sheets.push(sheet);
        sheet = undefined;
      } else if (name === 'table:table-row' && sheet) {
        if (row.length === 0) {
          pendingRows += rowRepeat;
          return;
        }
        tooMany(sheet.name, sheet.rows.length + pendingRows + rowRepeat, limits.maxRowsPerSheet, 'too_many_rows');
        for (let i = 0; i < pendingRows; i++) sheet.rows.push([]);
        pendingRows = 0;
        for (let i = 0; i < rowRepeat; i++) sheet.rows.push(i === 0 ? row : [...row]);
      } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell) closeCell();
      else if (cell && depthInCell > 0) depthInCell--;
    },
    text(text) {
      if (cell && depthInCell > 0) cell.text += text;
    },
  });
  return { fileName, format: 'ods', date1904: false, sheets };

  function closeCell() {
    if (!cell || !sheet) return;
    const value = cell.textual ? (cell.text === '' ? null : cell.text) : cell.value;
    if (typeof value === 'string' && value.length > limits.maxCellChars) {
      throw new FileReadError({ code: 'cell_too_long', sheet: sheet.name, row: sheet.rows.length + pendingRows + 1, limit: limits.maxCellChars });
    }
    if (value === null) pendingCells += cell.repeat;
    else {
      tooMany(sheet.name, row.length + pendingCells + cell.repeat, limits.maxColumns, 'too_many_columns');
      for (let i = 0; i < pendingCells; i++) row.push(null);
      pendingCells = 0;
      for (let i = 0; i < cell.repeat; i++) row.push(value);
    }
    cell = undefined;
    depthInCell = 0;
  }
}

/** Repeat counts are attacker-chosen: anything absurd is still bounded by the limits checked above. */
function boundedRepeat(value: string | undefined): number {
  const n = Number(value ?? 1);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 10_000_000) : 1;
}

function storedValue(attributes: Readonly<Record<string, string>>): Cell {
  switch (attributes['office:value-type']) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(attributes['office:value']);
      return Number.isFinite(n) ? n : null;
    }
    case 'date':
      return attributes['office:date-value']?.slice(0, 10) ?? null;
    case 'boolean':
      return attributes['office:boolean-value'] === 'true';
    default:
      return null;
  }
}
