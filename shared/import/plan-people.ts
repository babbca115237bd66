import { canonicalJson } from '../json/canonical-json';
import { identifierKey, identifierProblem, normaliseIdentifier, type PersonIdentifier } from '../model/identifier';
import { allNames, type Person } from '../model/person';
import type { Fields } from '../model/records';
import { MONITORING_STATUSES, PROGRAMME_STATUSES, ROLES, type NameKind } from '../model/vocabulary';
import { RowReader, type CellProblem, type RowOrigin, type SourceRow } from './cells';
import type { MatchedSheet } from './fit';
import { nameSignatures } from './name-signature';
import type { PossibleDuplicate, ValueConflict } from './plan-types';

/** What one people row says, read and checked. */
export interface PersonRow {
  row: SourceRow;
  sourceId: string;
  identifiers: Omit<PersonIdentifier, 'sourceIds'>[];
  primaryName: string;
  names: { name: string; kind: NameKind }[];
  scalars: Partial<Pick<Fields<Person>, 'realName' | 'birthDate' | 'role' | 'monitoring' | 'notes'>> & { programme?: Person['programme']['status'] };
  nationalities: string[];
  stay?: { prison: string; module?: string; cell?: string; from?: string };
  sentence?: { offence?: string; start?: string; lengthMonths?: number; expectedRelease?: string; earlyRelease?: string };
  /** The person's Vigía record id, when the file carries it (an export's persons.csv). */
  recordId?: string;
}

export function readPersonRow(matched: MatchedSheet, row: SourceRow, sourceId: string): { person?: PersonRow; problems: CellProblem[] } {
  const read = new RowReader(matched, row);
  const date1904 = matched.workbook.date1904;
  const identifiers: PersonRow['identifiers'] = [];
  for (const mapping of matched.mapping.fields.filter((f) => f.field === 'identifier')) {
    const scheme = mapping.scheme ?? 'other';
    const raw = read.raw(mapping) || mapping.fixed || '';
    if (raw.trim() === '') continue;
    const value = normaliseIdentifier(raw);
    const problem = identifierProblem(scheme, value);
    if (problem) read.problems.push({ column: mapping.columns.join(' + '), reason: problem });
    else identifiers.push({ scheme, value });
  }
  const primaryName = read.required('primaryName');
  const names = [
    ...read.list('alias').map((name) => ({ name, kind: 'alias' as const })),
    ...read.list('kunya').map((name) => ({ name, kind: 'kunya' as const })),
    ...read.list('spelling').map((name) => ({ name, kind: 'spelling' as const })),
  ];
  const scalars: PersonRow['scalars'] = {
    realName: read.text('realName'),
    birthDate: read.date('birthDate', date1904),
    role: read.vocabulary('role', 'role', ROLES),
    monitoring: read.vocabulary('monitoring', 'monitoring', MONITORING_STATUSES),
    programme: read.vocabulary('programme', 'programme', PROGRAMME_STATUSES),
    notes: read.text('notes'),
  };
  const nationalities = read.countries('nationality');
  const prison = read.text('prison');
  const stay = prison
    ? { prison, module: read.text('module'), cell: read.text('cell'), from: read.has('stayFrom') ? read.date('stayFrom', date1904) : undefined }
    : undefined;
  const offence = read.text('offence');
  const expectedRelease = read.date('expectedRelease', date1904);
  const earlyRelease = read.date('earlyRelease', date1904);
  const sentence =
    offence || expectedRelease || earlyRelease
      ? { offence, start: read.date('sentenceStart', date1904), lengthMonths: read.number('lengthMonths'), expectedRelease, earlyRelease }
      : undefined;
  const recordId = read.text('recordId');
  if (read.problems.length > 0 || !primaryName) return { problems: read.problems };
  return { person: { row, sourceId, identifiers, primaryName, names, scalars, nationalities, stay, sentence, recordId }, problems: [] };
}

/**
 * When two written names are one name of a person: letter case and spacing aside, exactly. Accents
 * and punctuation are kept apart, because "Younès" and "Younes" are two spellings an analyst records
 * on purpose (matching people, by contrast, folds them: nameLookupKey).
 */
function writtenNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** A person as the import leaves it, with where it came from. */
export interface PlannedPerson {
  id: string;
  existing?: Person;
  fields: Fields<Person>;
  origins: RowOrigin[];
  /** Fields set by an earlier row of this import: a different value in a later row is a conflict. */
  setByImport: Map<string, string>;
  fileSourceIds: Set<string>;
}


export function personFields(person: Person): Fields<Person> {
  const { id: _id, caseId: _c, createdAt: _ca, updatedAt: _u, hlc: _h, fieldClocks: _f, updatedBy: _b, deleted: _d, ...fields } = person;
  return JSON.parse(JSON.stringify(fields)) as Fields<Person>;
}

/** Folds one row into a person: names and identifiers are a union, other fields the row's value. */
export function applyPersonRow(target: PlannedPerson, row: PersonRow, conflicts: ValueConflict[]): void {
  const fields = target.fields;
  target.origins.push(row.row.origin);
  target.fileSourceIds.add(row.sourceId);
  const known = new Set(allNames(fields).map(writtenNameKey));
  const addName = (name: string, kind: NameKind) => {
    const key = writtenNameKey(name);
    if (!key || known.has(key)) return;
    known.add(key);
    fields.alternateNames.push({ name, kind, sourceIds: [row.sourceId] });
  };
  addName(row.primaryName, 'spelling');
  for (const n of row.names) addName(n.name, n.kind);

  const identifiers = (fields.identifiers ??= []);
  for (const identifier of row.identifiers) {
    if (!identifiers.some((i) => identifierKey(i) === identifierKey(identifier))) identifiers.push({ ...identifier, sourceIds: [row.sourceId] });
  }
  if (identifiers.length === 0) delete fields.identifiers;
  for (const country of row.nationalities) {
    if (!fields.nationalities.some((n) => n.country === country)) fields.nationalities.push({ country, status: 'claimed', sourceIds: [row.sourceId] });
  }

  const setScalar = (field: string, value: string | undefined, write: () => void) => {
    if (value === undefined) return;
    const earlier = target.setByImport.get(field);
    if (earlier !== undefined && earlier !== value) {
      const existing = conflicts.find((c) => c.field === field && c.personName === fields.primaryName);
      if (existing) {
        if (!existing.values.includes(value)) existing.values.push(value);
        existing.origins.push(row.row.origin);
      } else conflicts.push({ personName: fields.primaryName, field, values: [earlier, value], origins: [target.origins[0]!, row.row.origin] });
      return;
    }
    target.setByImport.set(field, value);
    write();
  };
  const s = row.scalars;
  setScalar('realName', s.realName, () => (fields.realName = s.realName));
  setScalar('birthDate', s.birthDate, () => (fields.birthDate = s.birthDate));
  setScalar('role', s.role, () => (fields.role = s.role!));
  setScalar('monitoring', s.monitoring, () => (fields.monitoring = s.monitoring!));
  setScalar('notes', s.notes, () => (fields.notes = s.notes!));
  setScalar('programme', s.programme, () => {
    if (fields.programme.status !== s.programme) fields.programme = { status: s.programme! };
  });
}

/** Whether the import changed anything an analyst would see; the file's source is cited only then. */
export function personChanges(target: PlannedPerson): string[] {
  if (!target.existing) return Object.keys(target.fields);
  const before = personFields(target.existing) as unknown as Record<string, unknown>;
  const after = target.fields as unknown as Record<string, unknown>;
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  keys.delete('sourceIds');
  return [...keys].filter((k) => canonicalJson(before[k] ?? null) !== canonicalJson(after[k] ?? null)).sort();
}

/** New people whose name sounds like someone already in the case (or another new row). */
export function findPossibleDuplicates(created: readonly PlannedPerson[], existing: readonly Person[]): PossibleDuplicate[] {
  const bySignature = new Map<string, { personId: string; name: string }>();
  for (const person of existing) {
    if (person.deleted) continue;
    for (const name of allNames(person)) {
      for (const signature of nameSignatures(name)) if (!bySignature.has(signature)) bySignature.set(signature, { personId: person.id, name });
    }
  }
  const found: PossibleDuplicate[] = [];
  for (const person of created) {
    const signatures = nameSignatures(person.fields.primaryName);
    const match = signatures.map((s) => bySignature.get(s)).find((m) => m && m.personId !== person.id);
    if (match) found.push({ name: person.fields.primaryName, origin: person.origins[0]!, resembles: match });
    else for (const s of signatures) bySignature.set(s, { personId: person.id, name: person.fields.primaryName });
  }
  return found;
}
