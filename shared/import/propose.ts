import { proposeDateFormat } from './dates';
import { TARGET_FIELDS, SCHEME_HEADERS, type ImportTarget } from './fields';
import { headerKey } from './fit';
import { cellText, type Sheet } from './sheet';
import type { FieldMapping, SheetMapping } from './spec';

/** How well a sheet's headers fit each target, for proposing what the sheet holds. */
function targetScore(target: ImportTarget, headers: readonly string[]): number {
  return TARGET_FIELDS[target].filter((f) => headers.some((h) => f.headers.includes(h))).length;
}

/**
 * A first mapping for a sheet from its headers (Spanish or English), for the analyst to check:
 * which kind of record it holds, each recognised column's field, and the date format its values
 * show. Columns it does not recognise are left unmapped, never guessed.
 */
export function proposeMapping(sheet: Sheet, headerRow = 1, target?: ImportTarget): SheetMapping {
  const raw = (sheet.rows[headerRow - 1] ?? []).map((c) => cellText(c));
  const keys = raw.map(headerKey);
  const chosen =
    target ??
    (['people', 'links', 'stays', 'sentences', 'events', 'sources'] as const).reduce((best, t) =>
      targetScore(t, keys) > targetScore(best, keys) ? t : best,
    );
  const fields: FieldMapping[] = [];
  const used = new Set<number>();
  for (const definition of TARGET_FIELDS[chosen]) {
    const indices = keys.flatMap((k, i) => (!used.has(i) && definition.headers.includes(k) ? [i] : []));
    if (indices.length === 0) continue;
    // A name split over "Nombre" and "Apellidos" is one name, joined; other fields take one column.
    const take = definition.field === 'primaryName' ? indices.slice(0, 2) : indices.slice(0, 1);
    take.forEach((i) => used.add(i));
    const mapping: FieldMapping = { field: definition.field, columns: take.map((i) => raw[i]!) };
    if (definition.kind === 'identifier') mapping.scheme = SCHEME_HEADERS[keys[take[0]!]!] ?? 'other';
    if (definition.kind === 'list') mapping.split = ';';
    if (definition.kind === 'date') {
      const values = sheet.rows.slice(headerRow, headerRow + 200).map((r) => r[take[0]!] ?? null);
      mapping.dateFormat = proposeDateFormat(values) ?? 'auto';
    }
    fields.push(mapping);
  }
  const identifier = fields.find((f) => f.field === 'identifier' || f.field === 'person' || f.field === 'from');
  const schemeHeader = identifier ? SCHEME_HEADERS[headerKey(identifier.columns[0] ?? '')] : undefined;
  // A person column of digits only ("0012345") names people by their prison number, not by name.
  const column = identifier ? keys.indexOf(headerKey(identifier.columns[0] ?? '')) : -1;
  const values = column >= 0 ? sheet.rows.slice(headerRow, headerRow + 200).map((r) => cellText(r[column])).filter(Boolean) : [];
  const numeric = values.length > 0 && values.every((v) => /^\d{1,14}$/.test(v));
  return {
    sheet: sheet.name,
    target: chosen,
    headerRow,
    fields,
    personReference: schemeHeader ? { by: 'identifier', scheme: schemeHeader } : numeric ? { by: 'identifier', scheme: 'NIS' } : { by: 'name' },
  };
}
