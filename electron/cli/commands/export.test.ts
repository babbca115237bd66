import { describe, expect, it } from 'vitest';
import { exportFixture } from '../../../shared/export/export-test-support';
import { runExport } from './export';
import { memoryIo } from './memory-io.test-helper';

const fixtureDemo = () => exportFixture();
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

describe('vigia export', () => {
  it('writes GraphML to one file and says what it wrote', async () => {
    const io = memoryIo();
    expect(await runExport(['--demo', '--format', 'graphml', '--out', 'case.graphml'], io, { generateDemoCase: fixtureDemo })).toBe(0);
    expect(text(io.files.get('case.graphml'))).toContain('<data key="g_marking">RESERVADO</data>');
    expect(io.out.join('\n')).toBe('exported 3 people and 3 links of "Operación Fixture" as graphml to case.graphml; marking RESERVADO');
  });

  it('writes dynamic GEXF 1.2, or 1.3 when asked', async () => {
    const io = memoryIo();
    expect(await runExport(['--demo', '--format', 'gexf', '--out', 'case.gexf'], io, { generateDemoCase: fixtureDemo })).toBe(0);
    expect(text(io.files.get('case.gexf'))).toContain('<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">');
    expect(await runExport(['--demo', '--format', 'gexf', '--gexf-version', '1.3', '--out', 'new.gexf'], io, { generateDemoCase: fixtureDemo })).toBe(0);
    expect(text(io.files.get('new.gexf'))).toContain('<gexf xmlns="http://gexf.net/1.3" version="1.3">');
  });

  it('writes CSV as a folder of tables with the marking beside them, as of a date', async () => {
    const io = memoryIo();
    expect(await runExport(['--demo', '--format', 'csv', '--out', 'out', '--as-of', '2021-01-01'], io, { generateDemoCase: fixtureDemo })).toBe(0);
    expect([...io.files.keys()].sort()).toEqual(['out/MARKING.txt', 'out/gephi-edges.csv', 'out/gephi-nodes.csv', 'out/i2-links.csv', 'out/links.csv', 'out/persons.csv', 'out/vigia-import-spec.json']);
    expect(text(io.files.get('out/links.csv')).split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(text(io.files.get('out/MARKING.txt'))).toContain('Red a fecha / Network as of: 2021-01-01');
  });

  it('refuses a wrong command line with exit 2 and one line', async () => {
    for (const argv of [
      ['--format', 'graphml', '--out', 'x'],
      ['--demo', '--format', 'gexf2', '--out', 'x'],
      ['--demo', '--format', 'csv'],
      ['--demo', '--format', 'csv', '--out', 'x', '--as-of', '2021-13-01'],
      ['--demo', '--format', 'gexf', '--out', 'x', '--gexf-version', '1.1'],
      ['bundle.vigia', '--format', 'csv', '--out', 'x'],
      ['--demo', '--input', 'dir', '--format', 'csv', '--out', 'x'],
    ]) {
      const io = memoryIo();
      expect(await runExport(argv, io, { generateDemoCase: fixtureDemo }), argv.join(' ')).toBe(2);
      expect(io.err).toHaveLength(1);
      expect(io.files.size).toBe(0);
    }
  });

  it('says which input is missing or wrong with exit 1', async () => {
    const io = memoryIo();
    expect(await runExport(['--input', 'nowhere', '--format', 'csv', '--out', 'x'], io)).toBe(1);
    expect(io.err[0]).toMatch(/^error: no_records/);
    const bundle = memoryIo();
    expect(await runExport(['missing.vigia', '--identity', 'me.key', '--format', 'csv', '--out', 'x'], bundle)).toBe(1);
    expect(bundle.files.size).toBe(0);
  });
});
