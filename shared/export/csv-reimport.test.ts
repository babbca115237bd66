import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureCase, fixturePerson } from '../bundle/test-support';
import { generateDemoCase } from '../demo';
import { changesNothing, planImport, type ImportFileInput } from '../import';
import { importSpecSchema } from '../import/spec';
import { applied, CASE_ID, emptyCase, fileInput } from '../import/test-support';
import type { ExistingCase } from '../import/plan-types';
import { emptySnapshot, type CaseSnapshot } from '../model';
import { csvFiles, LINKS_HEADER, PERSONS_HEADER } from './csv-files';
import { CSV_IMPORT_SPEC, CSV_IMPORT_SPEC_FILE } from './csv-import-spec';
import { exportedNetwork } from './exported-network';
import { fixtureLink, fixtureSource } from './export-test-support';

const TODAY = '2026-12-05';
const spec = importSpecSchema.parse(CSV_IMPORT_SPEC);

/** persons.csv and links.csv of a whole-case CSV export, as bytes, plus the shipped specification's text. */
function exportCsv(snapshot: CaseSnapshot, caseId: string): { persons: Uint8Array; links: Uint8Array; spec: string } {
  const files = new Map(csvFiles(exportedNetwork(snapshot, caseId, { exportedOn: TODAY })).map((f) => [f.name, [...f.chunks()].join('')]));
  const bytes = (name: string) => new TextEncoder().encode(files.get(name)!);
  return { persons: bytes('persons.csv'), links: bytes('links.csv'), spec: files.get(CSV_IMPORT_SPEC_FILE)! };
}

function importInto(existing: ExistingCase, files: { persons: Uint8Array; links: Uint8Array }) {
  const inputs: ImportFileInput[] = [fileInput(files.persons, 'persons.csv'), fileInput(files.links, 'links.csv')];
  return planImport(spec, inputs, existing);
}

function snapshotOf(existing: ExistingCase, name: string): CaseSnapshot {
  const s = emptySnapshot();
  s.cases.push({ ...fixtureCase(), id: existing.caseId, name });
  for (const table of ['persons', 'prisons', 'stays', 'sentences', 'links', 'events', 'sources'] as const) (s[table] as unknown[]).push(...existing[table]);
  return s;
}

type Row = Record<string, string>;
const rows = (bytes: Uint8Array): Row[] => parse(new TextDecoder().decode(bytes), { columns: true, bom: true }) as Row[];

/**
 * The rows of two exports, compared with record ids replaced by the first export's (a new case gives
 * new ids) and the import's own provenance — the re-imported file, cited by every link — set aside.
 */
function expectSameRows(before: { persons: Uint8Array; links: Uint8Array }, after: { persons: Uint8Array; links: Uint8Array }): void {
  const p0 = rows(before.persons);
  const p1 = rows(after.persons);
  expect(p1.length).toBe(p0.length);
  const idOf = new Map(p1.map((row, i) => [row.id!, p0[i]!.id!]));
  // other_names lists every name in the record's order; the import stores them by kind (aliases,
  // kunyas, spellings — the columns compared exactly), so only its order may differ.
  const names = (list: string) => list.split(' | ').sort().join(' | ');
  const person = (row: Row, original: Row) => ({ ...row, id: idOf.get(row.id!) ?? row.id, prison_id: original.prison_id, other_names: names(row.other_names!) });
  expect(p1.map((row, i) => person(row, p0[i]!))).toEqual(p0.map((row) => ({ ...row, other_names: names(row.other_names!) })));

  const l0 = rows(before.links);
  const l1 = rows(after.links);
  expect(l1.length).toBe(l0.length);
  const withoutFile = (sources: string) => sources.split(' | ').filter((t) => t !== 'links.csv').join(' | ');
  expect(l1.map((row, i) => ({ ...row, id: l0[i]!.id, source: idOf.get(row.source!), target: idOf.get(row.target!), sources: withoutFile(row.sources!) }))).toEqual(l0);
}

describe('persons.csv and links.csv read back with the shipped import specification', () => {
  const demo = generateDemoCase({ today: TODAY });
  const demoCaseId = demo.cases[0]!.id;

  it('the specification is written beside the tables and is a valid one', () => {
    const exported = exportCsv(demo, demoCaseId);
    expect(JSON.parse(exported.spec)).toEqual(spec);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(exported.persons).split('\r\n')[0]).toBe(`\uFEFF${PERSONS_HEADER.join(',')}`);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(exported.links).split('\r\n')[0]).toBe(`\uFEFF${LINKS_HEADER.join(',')}`);
  });

  it('into a new case: the demo comes back with every value the files hold, nothing rejected', () => {
    const first = exportCsv(demo, demoCaseId);
    const plan = importInto(emptyCase(), first);
    expect(plan.rejected).toEqual([]);
    expect(plan.counts.persons.new).toBe(rows(first.persons).length);
    expect(plan.counts.links.new).toBe(rows(first.links).length);
    const imported = applied(emptyCase(), plan);
    expectSameRows(first, exportCsv(snapshotOf(imported, demo.cases[0]!.name), CASE_ID));
  });

  it('into the case it came from: nothing changes (people are matched by their record id)', () => {
    const first = exportCsv(demo, demoCaseId);
    const existing: ExistingCase = { caseId: demoCaseId, persons: demo.persons, prisons: demo.prisons, stays: demo.stays, sentences: demo.sentences, links: demo.links, events: demo.events, sources: demo.sources };
    const plan = importInto(existing, first);
    expect(plan.rejected).toEqual([]);
    expect(plan.changes.filter((c) => c.status === 'updated').map((c) => [c.table, c.changed])).toEqual([]);
    expect(changesNothing(plan)).toBe(true);
  });

  it('a second import of the same files into the new case changes nothing', () => {
    const first = exportCsv(demo, demoCaseId);
    const imported = applied(emptyCase(), importInto(emptyCase(), first));
    const again = importInto(imported, first);
    expect(again.changes.map((c) => `${c.table} ${c.status} ${c.changed.join(',')}`).slice(0, 5)).toEqual([]);
    expect(changesNothing(again)).toBe(true);
  });

  // Names as the model holds them (trimmed, non-empty) with quotes, markup, Arabic, commas, line
  // breaks and formula prefixes; a person's names differ in more than letter case and spacing,
  // because the import treats "Benali" and "BENALI" as one name of a person, not two.
  const name = fc
    .array(fc.constantFrom('a', 'Z', ' ', '"', "'", '&', '<', '/', 'أ', 'ب', '=', '+', '-', '@', ',', ';', '\n', 'é', '𝔄'), { minLength: 1, maxLength: 10 })
    .map((chars) => chars.join(''))
    .filter((n) => n === n.trim() && n !== '' && !n.includes('|'));
  it('property: any such case survives export → import into a new case → export', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(name, fc.array(name, { maxLength: 2 })), { minLength: 2, maxLength: 6 }),
        fc.array(fc.record({ a: fc.nat(), b: fc.nat(), count: fc.integer({ min: 1, max: 50 }), directed: fc.boolean(), title: name }), { maxLength: 8 }),
        (people, links) => {
          const s = emptySnapshot();
          s.cases.push(fixtureCase());
          people.forEach(([primary, others], i) => {
            const fold = (n: string) => n.toLowerCase().replace(/\s+/g, ' ');
            const distinct = others.filter((o, j) => fold(o) !== fold(primary) && others.findIndex((x) => fold(x) === fold(o)) === j);
            s.persons.push({ ...fixturePerson(`person:${i}`, primary), alternateNames: distinct.map((o) => ({ name: o, kind: 'alias', sourceIds: [] })) });
          });
          links.forEach(({ a, b, count, directed, title }, i) => {
            const from = a % people.length;
            const to = b % people.length;
            if (from === to) return;
            s.sources.push(fixtureSource(`source:${i}`, title));
            s.links.push(fixtureLink(`link:${i}`, `person:${from}`, `person:${to}`, { count, directed, kind: directed ? 'letter' : 'family', date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, sourceIds: [`source:${i}`] }));
          });
          const first = exportCsv(s, s.cases[0]!.id);
          const plan = importInto(emptyCase(), first);
          expect(plan.rejected).toEqual([]);
          expectSameRows(first, exportCsv(snapshotOf(applied(emptyCase(), plan), s.cases[0]!.name), CASE_ID));
        },
      ),
      { numRuns: 60 },
    );
  });
});
