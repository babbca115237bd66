import { isIsoDate } from '../model/dates';
import type { NetworkLinkInput } from './compact-graph';

/** One parsed CSV record and the line of the file it started on (for messages). */
export interface NetworkRow {
  fields: readonly string[];
  line: number;
}

export interface NetworkPerson {
  id: string;
  name: string;
}

export interface NetworkLink extends NetworkLinkInput {
  type?: string;
}

export type NetworkTableFile = 'persons' | 'links';

/** A problem in the user's files, with what is needed to say where and what to fix. */
export type NetworkTableError =
  | { key: 'empty_file'; file: NetworkTableFile }
  | { key: 'missing_column'; file: NetworkTableFile; column: string }
  | { key: 'empty_id'; file: NetworkTableFile; line: number; column: string }
  | { key: 'duplicate_person'; file: 'persons'; line: number; value: string }
  | { key: 'unknown_person'; file: 'links'; line: number; column: string; value: string }
  | { key: 'bad_weight'; file: 'links'; line: number; value: string }
  | { key: 'bad_date'; file: 'links'; line: number; value: string };

export type NetworkTableResult =
  | { ok: true; value: { persons: NetworkPerson[]; links: NetworkLink[] } }
  | { ok: false; error: NetworkTableError };

/**
 * Reads the two network tables an analyst can prepare in a spreadsheet:
 * persons `id,name` and links `source,target[,type,weight,date]` (header names in any case and
 * order, further columns ignored). Links are undirected; weight is a positive number (default 1);
 * date is `YYYY-MM-DD`. The first problem found is returned as a value, never thrown.
 */
export function readNetworkTables(personRows: readonly NetworkRow[], linkRows: readonly NetworkRow[]): NetworkTableResult {
  const personHeader = header(personRows, 'persons', ['id', 'name']);
  if (!personHeader.ok) return personHeader;
  const persons: NetworkPerson[] = [];
  const known = new Set<string>();
  for (const row of personRows.slice(1)) {
    const id = field(row, personHeader.columns.get('id'));
    if (id === '') return fail({ key: 'empty_id', file: 'persons', line: row.line, column: 'id' });
    if (known.has(id)) return fail({ key: 'duplicate_person', file: 'persons', line: row.line, value: id });
    known.add(id);
    persons.push({ id, name: field(row, personHeader.columns.get('name')) });
  }

  const linkHeader = header(linkRows, 'links', ['source', 'target']);
  if (!linkHeader.ok) return linkHeader;
  const col = linkHeader.columns;
  const links: NetworkLink[] = [];
  for (const row of linkRows.slice(1)) {
    const link: NetworkLink = { source: field(row, col.get('source')), target: field(row, col.get('target')) };
    for (const end of ['source', 'target'] as const) {
      if (link[end] === '') return fail({ key: 'empty_id', file: 'links', line: row.line, column: end });
      if (!known.has(link[end])) {
        return fail({ key: 'unknown_person', file: 'links', line: row.line, column: end, value: link[end] });
      }
    }
    const type = field(row, col.get('type'));
    if (type !== '') link.type = type;
    const weight = field(row, col.get('weight'));
    if (weight !== '') {
      // Number('') and Number('0x10') are why the text is checked against a decimal pattern first.
      const value = /^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(weight) ? Number(weight) : Number.NaN;
      if (!Number.isFinite(value) || value <= 0) return fail({ key: 'bad_weight', file: 'links', line: row.line, value: weight });
      link.weight = value;
    }
    const date = field(row, col.get('date'));
    if (date !== '') {
      if (!isIsoDate(date)) return fail({ key: 'bad_date', file: 'links', line: row.line, value: date });
      link.date = date;
    }
    links.push(link);
  }
  return { ok: true, value: { persons, links } };
}

function fail(error: NetworkTableError): NetworkTableResult {
  return { ok: false, error };
}

function field(row: NetworkRow, index: number | undefined): string {
  return index === undefined ? '' : (row.fields[index] ?? '').trim();
}

function header(
  rows: readonly NetworkRow[],
  file: NetworkTableFile,
  required: readonly string[],
): { ok: true; columns: Map<string, number> } | { ok: false; error: NetworkTableError } {
  const first = rows[0];
  if (!first) return { ok: false, error: { key: 'empty_file', file } };
  const columns = new Map<string, number>();
  first.fields.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    if (!columns.has(key)) columns.set(key, i);
  });
  for (const column of required) {
    if (!columns.has(column)) return { ok: false, error: { key: 'missing_column', file, column } };
  }
  return { ok: true, columns };
}

/** One line of English saying what is wrong and where, for the command line. */
export function describeNetworkTableError(error: NetworkTableError): string {
  const where = 'line' in error ? `${error.file} file, line ${error.line}` : `${error.file} file`;
  switch (error.key) {
    case 'empty_file':
      return `${where}: the file is empty; it needs a header row`;
    case 'missing_column':
      return `${where}: missing column "${error.column}" in the header row`;
    case 'empty_id':
      return `${where}: the "${error.column}" column is empty`;
    case 'duplicate_person':
      return `${where}: person id "${error.value}" appears twice`;
    case 'unknown_person':
      return `${where}: ${error.column} "${error.value}" is not an id in the persons file`;
    case 'bad_weight':
      return `${where}: weight "${error.value}" is not a positive number`;
    case 'bad_date':
      return `${where}: date "${error.value}" is not a valid YYYY-MM-DD date`;
  }
}
