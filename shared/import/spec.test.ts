import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IDENTIFIER_SCHEMES } from '../model/identifier';
import { DATE_FORMATS } from './dates';
import { fitSpec, rankSpecs } from './fit';
import { planImport } from './plan';
import { proposeMapping } from './propose';
import { importSpecSchema, readSpec, writeSpec, type ImportSpec } from './spec';
import { emptyCase, fileInput, specOf, workbookOf } from './test-support';

const fixtureBytes = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url)));
const fixtureSpec = () => specOf(fixtureBytes('internos-y-comunicaciones.spec.json'));

const header = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.length > 0);
const arbitrarySpec: fc.Arbitrary<ImportSpec> = fc
  .record({
    name: header,
    identifier: header,
    name1: header,
    name2: header,
    format: fc.constantFrom(...DATE_FORMATS),
    scheme: fc.constantFrom(...IDENTIFIER_SCHEMES),
    alias: fc.option(header, { nil: undefined }),
  })
  .map((r) =>
    importSpecSchema.parse({
      format: 'vigia-import-spec',
      version: 1,
      name: r.name,
      sheets: [
        {
          target: 'people',
          fields: [
            { field: 'identifier', columns: [r.identifier], scheme: r.scheme },
            { field: 'primaryName', columns: [r.name1, r.name2], join: ' ' },
            { field: 'birthDate', columns: [r.name1], dateFormat: r.format },
            ...(r.alias ? [{ field: 'alias', columns: [r.alias], split: ';' }] : []),
          ],
        },
      ],
    }),
  );

describe('import specifications', () => {
  it('save → load gives the same specification', () => {
    fc.assert(
      fc.property(arbitrarySpec, (spec) => {
        const read = readSpec(writeSpec(spec));
        expect(read).toEqual({ ok: true, spec });
      }),
    );
  });

  it('save → load → import gives the same result', () => {
    const ids = () => {
      let n = 0;
      return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    };
    const files = [fileInput(fixtureBytes('internos.ods'), 'internos.ods'), fileInput(fixtureBytes('comunicaciones.csv'), 'comunicaciones.csv')];
    const spec = fixtureSpec();
    const reloaded = readSpec(writeSpec(spec));
    if (!reloaded.ok) throw new Error('spec did not reload');
    const strip = (p: ReturnType<typeof planImport>) => ({ ...p, fit: undefined });
    expect(strip(planImport(reloaded.spec, files, emptyCase(), { newId: ids() }))).toEqual(strip(planImport(spec, files, emptyCase(), { newId: ids() })));
  });

  it('says what is wrong with a hand-edited file', () => {
    const read = readSpec(JSON.stringify({ format: 'vigia-import-spec', version: 1, name: 'x', sheets: [{ target: 'links', fields: [{ field: 'from', columns: ['De'] }, { field: 'colour', columns: ['C'] }] }] }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual(expect.arrayContaining([expect.stringContaining('unknown_field'), expect.stringContaining('required_field_unmapped')]));
    expect(readSpec('{not json')).toEqual({ ok: false, problems: ['not JSON'] });
  });

  it('finds the specification that fits the files, and says which columns are missing when one nearly fits', () => {
    const books = [workbookOf(fixtureBytes('internos.xlsx'), 'internos.xlsx'), workbookOf(fixtureBytes('comunicaciones.csv'), 'comunicaciones.csv')];
    const spec = fixtureSpec();
    expect(fitSpec(spec, books).fits).toBe(true);
    const strict = { ...spec, name: 'con DNI', sheets: [{ ...spec.sheets[0]!, fields: [...spec.sheets[0]!.fields, { field: 'identifier', columns: ['DNI'], scheme: 'DNI' as const }] }] };
    const ranked = rankSpecs([strict, spec], books);
    expect(ranked.map((f) => f.spec.name)).toEqual(['Internos y comunicaciones (SGIP)', 'con DNI']);
    expect(ranked[1]!.missing).toEqual([{ mappingIndex: 0, target: 'people', closest: { file: 'internos.xlsx', sheet: 'internos' }, columns: ['DNI'] }]);
  });

  it('proposes a mapping from Spanish headers, with the date format the values show', () => {
    const book = workbookOf(fixtureBytes('internos.csv'), 'internos.csv');
    const proposal = proposeMapping(book.sheets[0]!);
    expect(proposal.target).toBe('people');
    expect(proposal.fields).toEqual(
      expect.arrayContaining([
        { field: 'identifier', columns: ['NIS'], scheme: 'NIS' },
        { field: 'primaryName', columns: ['Nombre', 'Apellidos'] },
        { field: 'stayFrom', columns: ['Fecha ingreso'], dateFormat: 'dmy' },
        { field: 'prison', columns: ['Centro'] },
      ]),
    );
    const links = proposeMapping(workbookOf(fixtureBytes('comunicaciones.csv'), 'comunicaciones.csv').sheets[0]!);
    expect(links.target).toBe('links');
    expect(links.fields.map((f) => f.field)).toEqual(['from', 'to', 'kind', 'date', 'notes']);
  });
});
