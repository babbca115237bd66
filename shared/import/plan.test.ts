import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASE_TABLES } from '../model/tables';
import { validate } from '../model/validation';
import { planImport } from './plan';
import { rejectedRowsCsv } from './rejected-csv';
import { applied, emptyCase, fileInput, specOf } from './test-support';

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));
const fixtureSpec = () => specOf(fixtureBytes('internos-y-comunicaciones.spec.json'));

const files = () => [fileInput(fixtureBytes('internos.xlsx'), 'internos.xlsx'), fileInput(fixtureBytes('comunicaciones.csv'), 'comunicaciones.csv')];

describe('planning an import', () => {
  it('reads the inmate list and the communications log into people, stays, sentences and links', () => {
    const plan = planImport(fixtureSpec(), files(), emptyCase());
    expect(plan.fit.fits).toBe(true);
    expect(plan.counts.persons).toEqual({ new: 4, updated: 0, unchanged: 0, rejected: 1 });
    expect(plan.counts.links).toEqual({ new: 3, updated: 0, unchanged: 0, rejected: 1 });
    expect(plan.counts.prisons.new).toBe(3);
    expect(plan.counts.sources.new).toBe(2);
    // Two letters on one day between the same two people: one link counting two, not one lost.
    const letters = plan.changes.find((c) => c.table === 'links' && c.fields.kind === 'letter');
    expect(letters?.fields).toMatchObject({ count: 2, directed: true, date: '2020-02-03', grading: { reliability: 'B', credibility: 2 } });
    expect(plan.linkRowsCombined).toBe(1);
    expect(plan.rejected.map((r) => [r.file, r.row, r.column, r.reason])).toEqual([
      ['internos.xlsx', 7, 'Fecha prevista libertad', 'partial_date'],
      ['internos.xlsx', 5, 'Centro', 'unknown_prison'],
      ['comunicaciones.csv', 5, 'Destinatario', 'unknown_person'],
    ]);
  });

  it('makes one person of rows with the same identifier: names and aliases are a union', () => {
    const plan = planImport(fixtureSpec(), files(), emptyCase());
    const youssef = plan.changes.filter((c) => c.table === 'persons' && c.fields.primaryName === 'Youssef El Amrani');
    expect(youssef).toHaveLength(1);
    const fields = youssef[0]!.fields as { alternateNames: { name: string }[]; identifiers: { value: string }[] };
    expect(fields.alternateNames.map((n) => n.name)).toEqual(['Abu Yusuf', 'El Tunecino', 'Abu Youssef']);
    expect(fields.identifiers.map((i) => i.value)).toEqual(['0012345']);
    expect(youssef[0]!.origins.map((o) => o.row)).toEqual([2, 6]);
  });

  it('matches prisons to the gazetteer whatever prefix, accents or brackets the file writes', () => {
    const plan = planImport(fixtureSpec(), files(), emptyCase());
    const prisons = plan.changes.filter((c) => c.table === 'prisons').map((c) => c.fields.gazetteerId);
    expect(prisons.sort()).toEqual(['es-cordoba', 'es-granada-albolote', 'es-madrid-5'].sort());
  });

  it('writes only records that pass the model, each citing the file it came from', () => {
    const plan = planImport(fixtureSpec(), files(), emptyCase());
    for (const change of plan.changes) {
      const record = { ...change.fields, id: 'x', caseId: 'x', createdAt: 0, updatedAt: 0, hlc: '0000000000000-0000-x', fieldClocks: {}, updatedBy: 'x', deleted: 0 };
      expect(validate(CASE_TABLES[change.table], record).ok).toBe(true);
      if (change.table !== 'sources' && change.table !== 'prisons') expect((change.fields as { sourceIds: string[] }).sourceIds.length).toBeGreaterThan(0);
    }
  });

  it('re-importing the same files changes nothing', () => {
    const first = planImport(fixtureSpec(), files(), emptyCase());
    const again = planImport(fixtureSpec(), files(), applied(emptyCase(), first));
    expect(again.changes).toEqual([]);
    expect(again.files.every((f) => f.seenBefore)).toBe(true);
    expect(again.counts.persons).toMatchObject({ new: 0, updated: 0, unchanged: 4 });
    expect(again.counts.links).toMatchObject({ new: 0, updated: 0, unchanged: 3 });
  });

  it('a newer export of the list updates what changed and cites the newer file', () => {
    const first = planImport(fixtureSpec(), files(), emptyCase());
    const existing = applied(emptyCase(), first);
    const newer = new TextEncoder().encode(
      'NIS,Nombre,Apellidos,Alias,Nacionalidad,Centro,Módulo,Fecha ingreso,Delito,Fecha prevista libertad\n' +
        '0012345,Youssef,El Amrani,Abu Yusuf,Marruecos,CP Madrid V,9,2015-03-12,Terrorismo (art. 572 CP),01/06/2027\n' +
        '0023456,Karim,Benali,Abu Hamza,Argelia,Centro Penitenciario de Córdoba,3,2016-11-05,Colaboración con organización terrorista,15/09/2026\n',
    );
    const spec = fixtureSpec();
    const plan = planImport({ ...spec, sheets: [spec.sheets[0]!] }, [fileInput(newer, 'internos-marzo.csv')], existing);
    expect(plan.counts.persons).toMatchObject({ new: 0, updated: 0, unchanged: 2 });
    expect(plan.counts.stays).toMatchObject({ updated: 1, unchanged: 1 });
    const stay = plan.changes.find((c) => c.table === 'stays')!;
    expect(stay.changed).toEqual(['module']);
    expect((stay.fields as { sourceIds: string[] }).sourceIds).toHaveLength(2);
  });

  it('a file without a column leaves that field of an existing record alone (a link keeps its notes)', () => {
    const existing = applied(emptyCase(), planImport(fixtureSpec(), files(), emptyCase()));
    const annotated = { ...existing, links: existing.links.map((l) => ({ ...l, notes: 'Carta interceptada: ver informe 12/2019' })) };
    const spec = fixtureSpec();
    const linksSheet = spec.sheets.find((s) => s.target === 'links')!;
    const withoutNotes = { ...spec, sheets: [spec.sheets[0]!, { ...linksSheet, fields: linksSheet.fields.filter((f) => f.field !== 'notes') }] };
    const plan = planImport(withoutNotes, files(), annotated);
    expect(plan.changes.filter((c) => c.table === 'links')).toEqual([]);
    expect(plan.counts.links.updated).toBe(0);
  });

  it('an identifier already in the case updates that person; a name alone never merges', () => {
    const first = planImport(fixtureSpec(), files(), emptyCase());
    const existing = applied(emptyCase(), first);
    const spec = fixtureSpec();
    const bytes = new TextEncoder().encode('NIS,Nombre,Apellidos,Alias\n0023456,Karim,Benali,Al Jazairi\n,Karim,Ben Ali,\n');
    const people = { ...spec, sheets: [{ ...spec.sheets[0]!, fields: spec.sheets[0]!.fields.filter((f) => ['identifier', 'primaryName', 'alias'].includes(f.field)) }] };
    const plan = planImport(people, [fileInput(bytes, 'otra-unidad.csv')], existing);
    expect(plan.counts.persons).toMatchObject({ new: 1, updated: 1 });
    const karim = plan.changes.find((c) => c.status === 'updated')!;
    expect(karim.changed).toEqual(['alternateNames']);
    expect(plan.possibleDuplicates).toEqual([expect.objectContaining({ name: 'Karim Ben Ali', resembles: expect.objectContaining({ name: 'Karim Benali' }) })]);
  });

  it('lists conflicting values of rows that name one person, keeping the first', () => {
    const spec = fixtureSpec();
    const bytes = new TextEncoder().encode('NIS,Nombre,Apellidos,F\n0012345,Youssef,El Amrani,1980-01-01\n0012345,Youssef,El Amrani,1981-01-01\n');
    const people = { ...spec, sheets: [{ ...spec.sheets[0]!, fields: [...spec.sheets[0]!.fields.slice(0, 2), { field: 'birthDate', columns: ['F'] }] }] };
    const plan = planImport(people, [fileInput(bytes, 'x.csv')], emptyCase());
    expect(plan.conflicts).toEqual([expect.objectContaining({ field: 'birthDate', values: ['1980-01-01', '1981-01-01'] })]);
    expect(plan.changes.find((c) => c.table === 'persons')?.fields).toMatchObject({ birthDate: '1980-01-01' });
  });

  it('exports the rejected rows with their place, reason and original values, formulas defused', () => {
    const plan = planImport(fixtureSpec(), files(), emptyCase());
    const csv = rejectedRowsCsv([...plan.rejected, { file: 'a.csv', sheet: 'a', row: 2, column: 'X', reason: 'r', values: { X: '=HYPERLINK("x")' } }]);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toMatch(/^file,sheet,row,column,reason,NIS,/);
    expect(lines[1]).toMatch(/^internos\.xlsx,internos,7,Fecha prevista libertad,partial_date,0056789,Mohamed/);
    expect(lines.at(-1)).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
