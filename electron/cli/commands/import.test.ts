import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ndjsonLines } from '../../../shared/bundle/ndjson';
import { readBundleFolder } from './bundle-folder';
import { runImport } from './import';
import { memoryIo, type MemoryIo } from './memory-io.test-helper';

const FIXTURES = join(__dirname, '../../../test/fixtures/import');
const SPEC = 'spec.json';

let io: MemoryIo;
beforeEach(() => {
  io = memoryIo();
  for (const name of ['internos.xlsx', 'internos.ods', 'comunicaciones.csv']) io.files.set(name, new Uint8Array(readFileSync(join(FIXTURES, name))));
  io.files.set(SPEC, new Uint8Array(readFileSync(join(FIXTURES, 'internos-y-comunicaciones.spec.json'))));
});

const records = (table: string) =>
  [...ndjsonLines(io.files.get(`case/records/${table}.ndjson`) ?? new Uint8Array())].map((l) => JSON.parse(l.text) as Record<string, unknown>);

describe('import command', () => {
  it('imports the workbook and the communications log through the saved specification, with counts and rejected rows', async () => {
    const code = await runImport(['--spec', SPEC, '--out', 'case', 'internos.xlsx', 'comunicaciones.csv'], io);
    expect(io.err).toEqual([]);
    expect(code).toBe(0);
    expect(io.out).toContain('persons: 4 new, 0 updated, 0 unchanged, 1 rejected');
    expect(io.out).toContain('links: 3 new, 0 updated, 0 unchanged, 1 rejected');
    const rejected = new TextDecoder().decode(io.files.get('case/rejected-rows.csv'));
    expect(rejected).toContain('comunicaciones.csv,comunicaciones,5,Destinatario,names nobody in the case or in this import');
    // The folder reads back as a case: what `bundle create --input` takes.
    const folder = await readBundleFolder(io, 'case');
    expect(folder.ok).toBe(true);
    const youssef = records('persons').find((p) => p.primaryName === 'Youssef El Amrani');
    expect(youssef?.identifiers).toEqual([expect.objectContaining({ scheme: 'NIS', value: '0012345' })]);
    expect(records('sources').map((s) => s.title)).toEqual(['internos.xlsx', 'comunicaciones.csv']);
  });

  it('importing the same files into the case again changes nothing and says so', async () => {
    await runImport(['--spec', SPEC, '--out', 'case', 'internos.xlsx', 'comunicaciones.csv'], io);
    const before = { persons: records('persons'), links: records('links'), stays: records('stays') };
    io.out.length = 0;
    const code = await runImport(['--spec', SPEC, '--into', 'case', 'internos.xlsx', 'comunicaciones.csv'], io);
    expect(code).toBe(0);
    expect(io.out).toContain('nothing changed: every record in these files is already in the case');
    expect({ persons: records('persons'), links: records('links'), stays: records('stays') }).toEqual(before);
  });

  it('the .ods export of the same list is the same people: only the new file is cited where something changed', async () => {
    await runImport(['--spec', SPEC, '--out', 'case', 'internos.xlsx', 'comunicaciones.csv'], io);
    io.out.length = 0;
    expect(await runImport(['--spec', SPEC, '--into', 'case', 'internos.ods'], io)).toBe(0);
    expect(io.out[0]).toBe('persons: 0 new, 0 updated, 4 unchanged, 1 rejected');
    expect(records('persons')).toHaveLength(4);
  });

  it('exits 1 with one line for a bad specification, an unreadable file or a file that is not a spreadsheet', async () => {
    io.files.set('bad.json', new TextEncoder().encode('{"format":"vigia-import-spec","version":1,"name":"x","sheets":[]}'));
    expect(await runImport(['--spec', 'bad.json', '--out', 'case', 'internos.xlsx'], io)).toBe(1);
    expect(io.err.at(-1)).toMatch(/^error: invalid_spec \(path=bad\.json\): sheets/);
    expect(await runImport(['--spec', SPEC, '--out', 'case', 'missing.xlsx'], io)).toBe(1);
    expect(io.err.at(-1)).toBe('error: cannot_read_file (path=missing.xlsx)');
    io.files.set('report.xlsx', new TextEncoder().encode('%PDF-1.7 …'));
    expect(await runImport(['--spec', SPEC, '--out', 'case', 'report.xlsx'], io)).toBe(1);
    expect(io.err.at(-1)).toBe('error: report.xlsx is not a spreadsheet (it looks like a PDF document): choose an .xlsx, .ods, .csv or .tsv file.');
    io.files.set('other.csv', new TextEncoder().encode('a,b\n1,2\n'));
    expect(await runImport(['--spec', SPEC, '--out', 'case', 'other.csv'], io)).toBe(1);
    expect(io.err.at(-1)).toMatch(/^error: spec_does_not_fit: "Internos y comunicaciones \(SGIP\)" fits none of the files \(missing columns — people: NIS, Nombre/);
    expect(io.files.has('case/records/persons.ndjson')).toBe(false);
  });

  it('exits 2 for a wrong command line', async () => {
    expect(await runImport(['--spec', SPEC, 'internos.xlsx'], io)).toBe(2);
    expect(await runImport(['--spec', SPEC, '--out', 'a', '--into', 'b', 'internos.xlsx'], io)).toBe(2);
    expect(await runImport(['--spec', SPEC, '--out', 'a', '--encoding', 'latin9', 'internos.xlsx'], io)).toBe(2);
  });
});
