import { canonicalJson } from '../json/canonical-json';
import { findGazetteerPrison, gazetteerPrisonFields } from '../gazetteer/gazetteer';
import { blankPerson } from '../model/person';
import { formatStamp } from '../model/hlc';
import { identifierKey, normaliseIdentifier } from '../model/identifier';
import { newId as randomId } from '../model/ids';
import { allNames } from '../model/person';
import { gazetteerPrisonId, type Prison } from '../model/prison';
import type { Fields } from '../model/records';
import { CASE_TABLES } from '../model/tables';
import { parseGrading } from '../model/grading';
import { validate } from '../model/validation';
import { DIRECTED_LINK_KINDS, EVENT_KINDS, LINK_KINDS, RELIABILITY, SOURCE_KINDS, type LinkKind } from '../model/vocabulary';
import { RowReader, dataRows, type CellProblem, type RowOrigin, type SourceRow } from './cells';
import type { ImportTarget } from './fields';
import { fitSpec, type MatchedSheet, type SpecFit } from './fit';
import { nameLookupKey } from './name-signature';
import { applyPersonRow, findPossibleDuplicates, personChanges, personFields, readPersonRow, type PersonRow, type PlannedPerson } from './plan-people';
import { emptyCounts, type ExistingCase, type ImportPlan, type PlannedChange, type PlannedTable } from './plan-types';
import { matchPrison } from './prison-match';
import type { Workbook } from './sheet';
import type { ImportSpec } from './spec';

export interface ImportFileInput {
  workbook: Workbook;
  sha256: string;
}

export interface PlanOptions {
  /** Ids for new records (random UUIDs unless a test fixes them). */
  newId?: () => string;
  /** Rows read so far of all rows, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

export interface PlanResult extends ImportPlan {
  fit: SpecFit;
}

const TABLE_OF: Record<ImportTarget, PlannedTable> = {
  people: 'persons',
  stays: 'stays',
  sentences: 'sentences',
  links: 'links',
  events: 'events',
  sources: 'sources',
};

/** The Source an imported file becomes: one id per case and file content, so re-importing finds it. */
export function fileSourceId(caseId: string, sha256: string): string {
  return `source:${caseId}:${sha256}`.toLowerCase().slice(0, 128);
}

/** What a new record holds in the fields a file left out (an existing one keeps its own values). */
const NEW_RECORD_BLANKS: Record<'stays' | 'sentences' | 'links' | 'events' | 'sources', Record<string, unknown>> = {
  stays: {},
  sentences: { preventiveDetention: false },
  links: { notes: '' },
  events: { description: '' },
  sources: { author: '', keptAt: '', notes: '' },
};

/** Bookkeeping that lets a planned record be checked against its schema before anything is written. */
const CHECK_META = { id: 'check', caseId: 'check', createdAt: 0, updatedAt: 0, hlc: formatStamp({ millis: 0, counter: 0, node: 'check' }), fieldClocks: {}, updatedBy: 'check', deleted: 0 };

/**
 * What importing `files` through `spec` into the case would do, computed without writing anything:
 * the records to create and update, what stays unchanged, every rejected row with its reason, the
 * conflicting values and the possible duplicates. Applying it (the renderer's one transaction, the
 * CLI's case folder) only stamps and writes these changes.
 */
export function planImport(spec: ImportSpec, files: readonly ImportFileInput[], existing: ExistingCase, options: PlanOptions = {}): PlanResult {
  const newId = options.newId ?? randomId;
  const fit = fitSpec(spec, files.map((f) => f.workbook));
  const plan: PlanResult = { fit, files: [], changes: [], counts: emptyCounts(), rejected: [], conflicts: [], possibleDuplicates: [], linkRowsCombined: 0 };
  const shaOf = new Map(files.map((f) => [f.workbook, f.sha256]));
  const existingSources = new Map(existing.sources.map((s) => [s.id, s]));
  for (const f of files) {
    const sourceId = fileSourceId(existing.caseId, f.sha256);
    plan.files.push({ fileName: f.workbook.fileName, sha256: f.sha256, sourceId, seenBefore: existingSources.get(sourceId)?.deleted === 0 });
  }
  const sourceIdOf = (matched: MatchedSheet) => fileSourceId(existing.caseId, shaOf.get(matched.workbook)!);
  const citedSources = new Set<string>();

  const total = fit.matched.reduce((n, m) => n + Math.max(0, m.sheet.rows.length - m.mapping.headerRow), 0);
  let done = 0;
  const tick = () => {
    done++;
    if (options.onProgress && done % 1000 === 0) options.onProgress(done, total);
  };
  const rejectedRows = new Map<PlannedTable, Set<string>>();
  const reject = (table: PlannedTable, row: SourceRow, problems: readonly CellProblem[]) => {
    const key = `${row.origin.file}\u0000${row.origin.sheet}\u0000${row.origin.row}`;
    const seen = rejectedRows.get(table) ?? new Set<string>();
    rejectedRows.set(table, seen);
    if (!seen.has(key)) plan.counts[table].rejected++;
    seen.add(key);
    const values = row.values;
    for (const p of problems) plan.rejected.push({ ...row.origin, column: p.column, reason: p.reason, values });
  };
  const bySheet = (target: ImportTarget) => fit.matched.filter((m) => m.mapping.target === target);

  // People: rows with a shared identifier are one person; an identifier already in the case is that person.
  const people = new Map<string, PlannedPerson>();
  const byIdentifier = new Map<string, string>();
  for (const person of existing.persons) {
    if (person.deleted) continue;
    for (const identifier of person.identifiers ?? []) byIdentifier.set(identifierKey(identifier), person.id);
  }
  const existingById = new Map(existing.persons.filter((p) => !p.deleted).map((p) => [p.id, p]));
  // Vigía record ids a people sheet carries (an export's persons.csv) → the person each row became.
  const byRecordId = new Map<string, string>();
  const peopleRows = new Map<string, SourceRow[]>();
  const pendingPersonFacts: { personId: string; row: PersonRow; matched: MatchedSheet }[] = [];
  for (const matched of bySheet('people')) {
    const sourceId = sourceIdOf(matched);
    for (const row of dataRows(matched)) {
      tick();
      const read = readPersonRow(matched, row, sourceId);
      if (!read.person) {
        reject('persons', row, read.problems);
        continue;
      }
      const keys = read.person.identifiers.map(identifierKey);
      const ids = new Set(keys.map((k) => byIdentifier.get(k)).filter((id): id is string => id !== undefined));
      const recordId = read.person.recordId;
      const sameRecord = recordId === undefined ? undefined : existingById.has(recordId) ? recordId : byRecordId.get(recordId);
      if (sameRecord) ids.add(sameRecord);
      if (ids.size > 1) {
        reject('persons', row, [{ column: matched.mapping.fields.find((f) => f.field === 'identifier')?.columns.join(' + ') ?? 'identifier', reason: 'identifiers_of_two_people' }]);
        continue;
      }
      let id = [...ids][0];
      if (!id && keys.length === 0) {
        // No identifier: only a person this very file made before is the same one (a re-import). Two
        // rows of one name made two people, so each row takes the first of them no earlier row took.
        const key = nameLookupKey(read.person.primaryName);
        id = existing.persons.find((p) => !p.deleted && !people.has(p.id) && p.sourceIds.includes(sourceId) && nameLookupKey(p.primaryName) === key)?.id;
      }
      let target = id ? people.get(id) : undefined;
      if (!target) {
        const found = id ? existingById.get(id) : undefined;
        id ??= newId();
        target = {
          id,
          existing: found,
          fields: found ? personFields(found) : blankPerson(read.person.primaryName),
          origins: [],
          setByImport: new Map(),
          fileSourceIds: new Set(),
        };
        people.set(id, target);
      }
      const personId = target.id;
      for (const k of keys) byIdentifier.set(k, personId);
      if (recordId !== undefined) byRecordId.set(recordId, personId);
      applyPersonRow(target, read.person, plan.conflicts);
      const rows = peopleRows.get(personId) ?? [];
      rows.push(row);
      peopleRows.set(personId, rows);
      pendingPersonFacts.push({ personId, row: read.person, matched });
    }
  }
  for (const target of people.values()) {
    const changed = personChanges(target);
    if (target.existing && changed.length === 0) {
      plan.counts.persons.unchanged++;
      continue;
    }
    for (const s of target.fileSourceIds) if (!target.fields.sourceIds.includes(s)) target.fields.sourceIds.push(s);
    const checked = validate(CASE_TABLES.persons, { ...target.fields, ...CHECK_META });
    if (!checked.ok) {
      for (const row of peopleRows.get(target.id) ?? []) reject('persons', row, checked.issues.map((i) => ({ column: i.path, reason: i.code })));
      people.delete(target.id);
      continue;
    }
    target.fileSourceIds.forEach((s) => citedSources.add(s));
    const status = target.existing ? 'updated' : 'new';
    plan.counts.persons[status]++;
    plan.changes.push({ table: 'persons', id: target.id, status, fields: target.fields, changed, origins: target.origins });
  }
  plan.possibleDuplicates = findPossibleDuplicates(
    [...people.values()].filter((p) => !p.existing),
    existing.persons,
  );

  // Who a relation sheet can name: people of the case and of this import, by identifier or any name.
  const byName = new Map<string, Set<string>>();
  const addNames = (id: string, names: readonly string[]) => {
    for (const name of names) {
      const key = nameLookupKey(name);
      const ids = byName.get(key) ?? new Set<string>();
      ids.add(id);
      byName.set(key, ids);
    }
  };
  for (const person of existingById.values()) if (!people.has(person.id)) addNames(person.id, allNames(person));
  for (const target of people.values()) addNames(target.id, allNames(target.fields));
  const livePerson = (id: string) => people.has(id) || existingById.has(id);
  const resolvePerson = (read: RowReader, matched: MatchedSheet, field: string, value: string): string | undefined => {
    const reference = matched.mapping.personReference;
    if (reference.by === 'recordId') {
      const id = existingById.has(value) ? value : byRecordId.get(value);
      if (id && livePerson(id)) return id;
      read.problem(field, 'unknown_person');
      return undefined;
    }
    if (reference.by === 'identifier') {
      const mapping = read.mapping(field);
      const scheme = mapping?.scheme ?? reference.scheme ?? 'NIS';
      const id = byIdentifier.get(identifierKey({ scheme, value: normaliseIdentifier(value) }));
      if (id && livePerson(id)) return id;
      read.problem(field, 'unknown_person');
      return undefined;
    }
    const ids = byName.get(nameLookupKey(value));
    if (!ids || ids.size === 0) read.problem(field, 'unknown_person');
    else if (ids.size > 1) read.problem(field, 'ambiguous_person');
    else return [...ids][0];
    return undefined;
  };

  // Sources a links sheet names by title (an export's links.csv): the case's source of exactly that
  // title (two titles that differ in one accent are two sources), else a new one, made once per title.
  const sourceByTitle = new Map<string, string>();
  for (const source of existing.sources) if (!source.deleted && !sourceByTitle.has(source.title)) sourceByTitle.set(source.title, source.id);
  const namedSources: PlannedChange[] = [];
  const sourceNamed = (title: string): string => {
    const key = title;
    const known = sourceByTitle.get(key);
    if (known) return known;
    const id = newId();
    sourceByTitle.set(key, id);
    namedSources.push({ table: 'sources', id, status: 'new', changed: [], origins: [], fields: { kind: 'other', title: title.slice(0, 300), author: '', keptAt: '', reliability: 'F', attachmentIds: [], notes: '' } });
    return id;
  };

  // Prisons named by the files: the case's own, else the gazetteer's, added to the case.
  const prisonByName = new Map<string, { prisonId?: string; problem?: string }>();
  const newPrisons = new Map<string, RowOrigin>();
  const resolvePrison = (name: string, origin: RowOrigin): { prisonId?: string; problem?: string } => {
    const cached = prisonByName.get(name);
    if (cached) return cached;
    const match = matchPrison(name, existing.prisons);
    let result: { prisonId?: string; problem?: string };
    if (!match.ok) result = { problem: match.problem };
    else if (match.prisonId) result = { prisonId: match.prisonId };
    else {
      const prisonId = gazetteerPrisonId(existing.caseId, match.gazetteerId!);
      const inCase = existing.prisons.find((p) => p.id === prisonId && !p.deleted);
      if (!inCase && !newPrisons.has(match.gazetteerId!)) newPrisons.set(match.gazetteerId!, origin);
      result = { prisonId };
    }
    prisonByName.set(name, result);
    return result;
  };

  // Keyed records: the same key twice is one record; a key already in the case updates it.
  type Keyed<T extends PlannedTable> = { table: T; key: string; fields: Record<string, unknown>; origins: RowOrigin[]; rows: SourceRow[]; sourceId: string };
  const planned = new Map<string, Keyed<PlannedTable>>();
  const existingByKey = new Map<string, { id: string; fields: Record<string, unknown> }>();
  const keyOf = {
    stays: (f: Record<string, unknown>) => `stays|${f.personId}|${f.prisonId}|${f.from}`,
    sentences: (f: Record<string, unknown>) => `sentences|${f.personId}|${nameLookupKey(String(f.offence))}|${f.start}`,
    links: (f: Record<string, unknown>) => {
      const ends = f.directed ? [f.fromId, f.toId] : [String(f.fromId), String(f.toId)].sort();
      return `links|${f.kind}|${ends.join('>')}|${f.date ?? f.from ?? ''}`;
    },
    events: (f: Record<string, unknown>) => `events|${nameLookupKey(String(f.title))}|${f.date}`,
    sources: (f: Record<string, unknown>) => `sources|${nameLookupKey(String(f.title))}|${f.date ?? ''}`,
  } as const;
  type KeyedTable = keyof typeof keyOf;
  const strip = (record: object) => {
    const { id, caseId: _c, createdAt: _ca, updatedAt: _u, hlc: _h, fieldClocks: _f, updatedBy: _b, deleted: _d, ...fields } = record as Record<string, unknown>;
    return { id: String(id), fields };
  };
  for (const table of Object.keys(keyOf) as KeyedTable[]) {
    for (const record of existing[table] as ReadonlyArray<{ deleted: 0 | 1 }>) {
      if (record.deleted) continue;
      const stripped = strip(record);
      existingByKey.set(keyOf[table](stripped.fields), stripped);
    }
  }
  const addKeyed = (table: KeyedTable, fields: Record<string, unknown>, row: SourceRow, sourceId: string) => {
    const key = keyOf[table](fields);
    const already = planned.get(key);
    if (already) {
      already.origins.push(row.origin);
      already.rows.push(row);
      if (table === 'links') {
        already.fields.count = Number(already.fields.count ?? 1) + Number(fields.count ?? 1);
        plan.linkRowsCombined++;
      } else {
        for (const [k, v] of Object.entries(fields)) if (v !== undefined && already.fields[k] === undefined) already.fields[k] = v;
      }
      return;
    }
    planned.set(key, { table, key, fields, origins: [row.origin], rows: [row], sourceId });
  };

  for (const fact of pendingPersonFacts) {
    const { row, personId, matched } = fact;
    const read = new RowReader(matched, row.row);
    if (row.stay) {
      const prison = resolvePrison(row.stay.prison, row.row.origin);
      if (prison.problem) read.problem('prison', prison.problem);
      else if (!row.stay.from) read.problem('stayFrom', 'empty_required');
      else addKeyed('stays', { personId, prisonId: prison.prisonId, module: row.stay.module, cell: row.stay.cell, from: row.stay.from, sourceIds: [row.sourceId] }, row.row, row.sourceId);
    }
    if (row.sentence) {
      if (!row.sentence.offence) read.problem('offence', 'empty_required');
      const start = row.sentence.start ?? row.stay?.from;
      if (!start) read.problem('sentenceStart', 'empty_required');
      if (row.sentence.offence && start) {
        addKeyed(
          'sentences',
          { personId, offence: row.sentence.offence, start, lengthMonths: row.sentence.lengthMonths, expectedRelease: row.sentence.expectedRelease, earlyRelease: row.sentence.earlyRelease, sourceIds: [row.sourceId] },
          row.row,
          row.sourceId,
        );
      }
    }
    // The person is kept; the stay or sentence the row could not make is reported against the row.
    if (read.problems.length > 0) reject(row.stay && read.problems.some((p) => p.column === read.columnOf('prison') || p.column === read.columnOf('stayFrom')) ? 'stays' : 'sentences', row.row, read.problems);
  }

  const readRelation = (target: Exclude<ImportTarget, 'people'>, matched: MatchedSheet, row: SourceRow, sourceId: string): Record<string, unknown> | undefined => {
    const read = new RowReader(matched, row);
    const d1904 = matched.workbook.date1904;
    let fields: Record<string, unknown> | undefined;
    switch (target) {
      case 'stays': {
        const who = read.required('person');
        const prisonName = read.required('prison');
        const personId = who ? resolvePerson(read, matched, 'person', who) : undefined;
        const prison = prisonName ? resolvePrison(prisonName, row.origin) : undefined;
        if (prison?.problem) read.problem('prison', prison.problem);
        const from = read.date('from', d1904);
        if (!from && read.problems.length === 0) read.problem('from', 'empty_required');
        fields = { personId, prisonId: prison?.prisonId, module: read.text('module'), cell: read.text('cell'), from, to: read.date('to', d1904), sourceIds: [sourceId] };
        break;
      }
      case 'sentences': {
        const who = read.required('person');
        const personId = who ? resolvePerson(read, matched, 'person', who) : undefined;
        const start = read.date('start', d1904);
        if (!start && read.problems.length === 0) read.problem('start', 'empty_required');
        fields = {
          personId,
          offence: read.required('offence'),
          lengthMonths: read.number('lengthMonths'),
          start,
          expectedRelease: read.date('expectedRelease', d1904),
          earlyRelease: read.date('earlyRelease', d1904),
          preventiveDetention: read.boolean('preventiveDetention'),
          sourceIds: [sourceId],
        };
        break;
      }
      case 'links': {
        const fromName = read.required('from');
        const toName = read.required('to');
        const fromId = fromName ? resolvePerson(read, matched, 'from', fromName) : undefined;
        const toId = toName ? resolvePerson(read, matched, 'to', toName) : undefined;
        if (fromId && fromId === toId) read.problem('to', 'self_link');
        const kind: LinkKind = read.vocabulary('kind', 'linkKind', LINK_KINDS) ?? 'other';
        const count = read.number('count');
        const gradingText = read.text('grading');
        const grading = gradingText === undefined ? { reliability: spec.source.reliability, credibility: spec.source.credibility } : parseGrading(gradingText);
        if (!grading) read.problem('grading', 'invalid_grading');
        fields = {
          kind,
          fromId,
          toId,
          directed: read.boolean('directed') ?? matched.mapping.directed ?? DIRECTED_LINK_KINDS.has(kind),
          date: read.date('date', d1904),
          from: read.date('periodFrom', d1904),
          to: read.date('periodTo', d1904),
          // A count of one is the model's "not counted" (absent): writing 1 would change every re-imported link.
          count: count === undefined || Math.round(count) === 1 ? undefined : Math.round(count),
          grading,
          // The sources the row names, then the file itself (provenance, as every import cites it).
          sourceIds: [...read.list('sources').map(sourceNamed), sourceId],
          notes: read.text('notes'),
        };
        break;
      }
      case 'events': {
        const persons = read.list('persons').flatMap((p) => resolvePerson(read, matched, 'persons', p) ?? []);
        fields = {
          kind: read.vocabulary('kind', 'eventKind', EVENT_KINDS) ?? 'other',
          title: read.required('title'),
          date: read.date('date', d1904),
          personIds: [...new Set(persons)],
          prisonIds: [],
          description: read.text('description'),
          sourceIds: [sourceId],
        };
        if (!fields.date && read.problems.length === 0) read.problem('date', 'empty_required');
        break;
      }
      case 'sources': {
        fields = {
          kind: read.vocabulary('kind', 'sourceKind', SOURCE_KINDS) ?? 'other',
          title: read.required('title'),
          author: read.text('author'),
          date: read.date('date', d1904),
          keptAt: read.text('keptAt'),
          reliability: read.vocabulary('reliability', 'role', RELIABILITY) ?? 'F',
          attachmentIds: [],
          notes: read.text('notes'),
        };
        break;
      }
    }
    if (read.problems.length > 0) {
      reject(TABLE_OF[target], row, read.problems);
      return undefined;
    }
    return fields;
  };

  for (const target of ['stays', 'sentences', 'links', 'events', 'sources'] as const) {
    for (const matched of bySheet(target)) {
      const sourceId = sourceIdOf(matched);
      for (const row of dataRows(matched)) {
        tick();
        const fields = readRelation(target, matched, row, sourceId);
        if (fields) addKeyed(target, fields, row, sourceId);
      }
    }
  }

  // New prisons first: the stays that follow point at them.
  for (const [gazetteerId, origin] of newPrisons) {
    const entry = findGazetteerPrison(gazetteerId)!;
    const fields: Fields<Prison> = { ...gazetteerPrisonFields(entry), modules: [] };
    plan.counts.prisons.new++;
    plan.changes.push({ table: 'prisons', id: gazetteerPrisonId(existing.caseId, gazetteerId), status: 'new', fields, changed: [], origins: [origin] });
  }

  for (const item of planned.values()) {
    const table = item.table as KeyedTable;
    const found = existingByKey.get(item.key);
    // A field the file does not give keeps the case's value; a new record gets the model's blank.
    const fields = { ...(found ? {} : NEW_RECORD_BLANKS[table]), ...Object.fromEntries(Object.entries(item.fields).filter(([, v]) => v !== undefined)) };
    let merged = fields;
    let changed: string[] = [];
    if (found) {
      // The file's values replace the case's for the fields it gives; cited sources are a union.
      merged = { ...found.fields };
      for (const [k, v] of Object.entries(fields)) if (k !== 'sourceIds') merged[k] = v;
      changed = Object.keys(fields).filter((k) => k !== 'sourceIds' && canonicalJson(found.fields[k] ?? null) !== canonicalJson(merged[k] ?? null));
      if (changed.length === 0) {
        plan.counts[table].unchanged++;
        continue;
      }
      const cited = new Set([...((found.fields.sourceIds as string[] | undefined) ?? []), ...((fields.sourceIds as string[] | undefined) ?? [item.sourceId])]);
      if (table !== 'sources') merged.sourceIds = [...cited];
    }
    const checked = validate(CASE_TABLES[table], { ...merged, ...CHECK_META });
    if (!checked.ok) {
      for (const row of item.rows) reject(table, row, checked.issues.map((i) => ({ column: i.path, reason: i.code })));
      continue;
    }
    if (table !== 'sources') citedSources.add(item.sourceId);
    const status = found ? 'updated' : 'new';
    plan.counts[table][status]++;
    plan.changes.push({ table, id: found?.id ?? newId(), status, fields: merged, changed, origins: item.origins } as PlannedChange);
  }

  // Each file that brought something becomes a Source of the case, cited by what it brought.
  const fileSources: PlannedChange[] = [];
  for (const file of plan.files) {
    if (file.seenBefore || !citedSources.has(file.sourceId)) continue;
    plan.counts.sources.new++;
    fileSources.push({
      table: 'sources',
      id: file.sourceId,
      status: 'new',
      changed: [],
      origins: [],
      fields: {
        kind: spec.source.kind,
        title: file.fileName.slice(0, 300),
        author: '',
        keptAt: `sha-256 ${file.sha256}`,
        reliability: spec.source.reliability,
        attachmentIds: [],
        notes: `Imported from ${file.fileName} (sha-256 ${file.sha256}) with the import specification "${spec.name}".`,
      },
    });
  }
  // A source named only by rejected rows is not made.
  const citedByLinks = new Set(plan.changes.flatMap((c) => (c.table === 'links' ? ((c.fields as { sourceIds?: string[] }).sourceIds ?? []) : [])));
  const madeSources = namedSources.filter((s) => citedByLinks.has(s.id));
  plan.counts.sources.new += madeSources.length;
  plan.changes.unshift(...fileSources, ...madeSources);
  options.onProgress?.(total, total);
  return plan;
}

/** A plan that writes nothing: what "nothing changed" means. */
export function changesNothing(plan: ImportPlan): boolean {
  return plan.changes.length === 0;
}
