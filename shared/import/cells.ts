import { readDate, type DateProblem } from './dates';
import { fieldDefinition, type ImportTarget } from './fields';
import type { MatchedSheet } from './fit';
import { headerKey } from './fit';
import { cellText, type Cell } from './sheet';
import type { FieldMapping } from './spec';
import { COUNTRY_WORDS, VOCABULARY_WORDS, foldWord } from './vocabulary-words';

/** Where a row came from, as the preview, the rejected-rows file and History say it. */
export interface RowOrigin {
  file: string;
  sheet: string;
  /** 1-based, as the spreadsheet numbers it. */
  row: number;
}

/** A cell that could not be taken, and why: `reason` is a message key (`import.reason.<reason>`). */
export interface CellProblem {
  column: string;
  reason: string;
}

export type ReasonCode = DateProblem | 'empty_required' | 'not_a_number' | 'not_a_boolean' | 'unknown_value' | 'unknown_country' | string;

/**
 * One data row of a matched sheet. `values` (the raw values by header, for the rejected-rows file)
 * is made only when asked for: most rows are never rejected, and 60,000 such objects are garbage.
 */
export class SourceRow {
  constructor(
    readonly origin: RowOrigin,
    readonly cells: readonly Cell[],
    private readonly headers: readonly string[],
  ) {}

  get values(): Record<string, string> {
    const values: Record<string, string> = {};
    this.headers.forEach((h, i) => {
      if (h) values[h] = cellText(this.cells[i]);
    });
    return values;
  }
}

export function* dataRows(matched: MatchedSheet): Generator<SourceRow> {
  const headerCells = matched.sheet.rows[matched.mapping.headerRow - 1] ?? [];
  const headers = headerCells.map((c) => cellText(c));
  for (let r = matched.mapping.headerRow; r < matched.sheet.rows.length; r++) {
    const cells = matched.sheet.rows[r]!;
    if (cells.every((c) => cellText(c) === '')) continue;
    yield new SourceRow({ file: matched.workbook.fileName, sheet: matched.sheet.name, row: r + 1 }, cells, headers);
  }
}

/** Each mapping's column indices in its sheet, worked out once per sheet rather than per cell. */
const columnIndices = new WeakMap<FieldMapping, WeakMap<MatchedSheet, (number | undefined)[]>>();

function indicesOf(matched: MatchedSheet, mapping: FieldMapping): (number | undefined)[] {
  let bySheet = columnIndices.get(mapping);
  if (!bySheet) columnIndices.set(mapping, (bySheet = new WeakMap()));
  let indices = bySheet.get(matched);
  if (!indices) bySheet.set(matched, (indices = mapping.columns.map((c) => matched.columns.get(headerKey(c)))));
  return indices;
}

/** Folded vocabulary words repeat on every row ("Carta", "Llamada"): folded once each. */
const foldedWords = new Map<string, string>();
function foldOnce(value: string): string {
  let folded = foldedWords.get(value);
  if (folded === undefined) {
    if (foldedWords.size > 10_000) foldedWords.clear();
    foldedWords.set(value, (folded = foldWord(value)));
  }
  return folded;
}

/** Reads the fields of one row; problems are collected, never thrown. */
export class RowReader {
  readonly problems: CellProblem[] = [];

  constructor(
    private readonly matched: MatchedSheet,
    private readonly row: SourceRow,
  ) {}

  private mappingOf(field: string): FieldMapping | undefined {
    return this.matched.mapping.fields.find((f) => f.field === field);
  }

  private columnLabel(mapping: FieldMapping): string {
    return mapping.columns.join(' + ') || `(${mapping.field})`;
  }

  private rawCells(mapping: FieldMapping): Cell[] {
    return indicesOf(this.matched, mapping).map((index) => (index === undefined ? null : (this.row.cells[index] ?? null)));
  }

  /** A field's columns as written, joined without a separator (an identifier split over columns). */
  raw(mapping: FieldMapping): string {
    return this.rawCells(mapping)
      .map((c) => cellText(c))
      .join('');
  }

  /** The text of a field: its columns joined, else the fixed value; undefined when empty. */
  text(field: string): string | undefined {
    const mapping = this.mappingOf(field);
    if (!mapping) return undefined;
    const unguard = this.matched.mapping.formulaApostrophes === true;
    const joined = this.rawCells(mapping)
      .map((c) => (unguard ? withoutFormulaGuard(cellText(c)) : cellText(c)))
      .filter((t) => t !== '')
      .join(mapping.join ?? ' ')
      .trim();
    if (joined !== '') return joined;
    return mapping.fixed?.trim() || undefined;
  }

  required(field: string): string | undefined {
    const value = this.text(field);
    const mapping = this.mappingOf(field);
    if (value === undefined) this.problems.push({ column: mapping ? this.columnLabel(mapping) : field, reason: 'empty_required' });
    return value;
  }

  list(field: string): string[] {
    const mapping = this.mappingOf(field);
    const value = this.text(field);
    if (!mapping || value === undefined) return [];
    const parts = mapping.split ? value.split(mapping.split) : [value];
    return [...new Set(parts.map((p) => p.trim()).filter(Boolean))];
  }

  date(field: string, date1904: boolean): string | undefined {
    const mapping = this.mappingOf(field);
    if (!mapping) return undefined;
    const cells = this.rawCells(mapping).filter((c) => cellText(c) !== '');
    const cell: Cell = cells[0] ?? (mapping.fixed ? mapping.fixed : null);
    if (cell === null) return undefined;
    const read = readDate(cell, mapping.dateFormat ?? 'auto', date1904);
    if (read.ok) return read.date;
    this.problems.push({ column: this.columnLabel(mapping), reason: read.problem });
    return undefined;
  }

  number(field: string): number | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const n = Number(value.replace(',', '.'));
    if (Number.isFinite(n)) return n;
    this.problems.push({ column: this.columnLabel(this.mappingOf(field)!), reason: 'not_a_number' });
    return undefined;
  }

  boolean(field: string): boolean | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const folded = foldWord(value);
    if (['si', 'sí', 'yes', 'true', '1', 'x', 'verdadero'].includes(folded)) return true;
    if (['no', 'false', '0', 'falso'].includes(folded)) return false;
    this.problems.push({ column: this.columnLabel(this.mappingOf(field)!), reason: 'not_a_boolean' });
    return undefined;
  }

  /** A closed-vocabulary value: the stable value, the mapping's own words, or the built-in ones. */
  vocabulary<T extends string>(field: string, words: keyof typeof VOCABULARY_WORDS, allowed: readonly T[]): T | undefined {
    const value = this.text(field);
    if (value === undefined) return undefined;
    const mapping = this.mappingOf(field)!;
    const own = mapping.values?.[value] ?? Object.entries(mapping.values ?? {}).find(([k]) => foldOnce(k) === foldOnce(value))?.[1];
    const candidate = own ?? (allowed.includes(value as T) ? value : VOCABULARY_WORDS[words]![foldOnce(value)]);
    if (candidate !== undefined && allowed.includes(candidate as T)) return candidate as T;
    this.problems.push({ column: this.columnLabel(mapping), reason: 'unknown_value' });
    return undefined;
  }

  countries(field: string): string[] {
    const out: string[] = [];
    for (const value of this.list(field)) {
      const upper = value.toUpperCase();
      const code = /^[A-Z]{2}$/.test(upper) ? upper : COUNTRY_WORDS[foldWord(value)];
      if (code) out.push(code);
      else this.problems.push({ column: this.columnLabel(this.mappingOf(field)!), reason: 'unknown_country' });
    }
    return [...new Set(out)];
  }

  /** The header(s) a field reads, for problems found later (an unknown person, a prison). */
  columnOf(field: string): string {
    const mapping = this.mappingOf(field);
    return mapping ? this.columnLabel(mapping) : field;
  }

  problem(field: string, reason: string): void {
    this.problems.push({ column: this.columnOf(field), reason });
  }

  has(field: string): boolean {
    return this.mappingOf(field) !== undefined;
  }

  mapping(field: string): FieldMapping | undefined {
    return this.mappingOf(field);
  }
}

export function targetHas(target: ImportTarget, field: string): boolean {
  return fieldDefinition(target, field) !== undefined;
}

/** "'=SUM(A1)" → "=SUM(A1)": the apostrophe a CSV writer put before a would-be formula. */
export function withoutFormulaGuard(text: string): string {
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
