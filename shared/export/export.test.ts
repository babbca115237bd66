import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv-cell';
import { exportedNetwork } from './exported-network';
import { exportFixture } from './export-test-support';
import { graphmlChunks } from './graphml';
import { presenceSpells } from './spells';
import { xmlText } from './xml-text';
import { FIXTURE_CASE_ID } from '../bundle/test-support';

describe('xmlText', () => {
  it('escapes markup, keeps Arabic and astral characters, writes whitespace controls as references', () => {
    expect(xmlText(`<script>"a" & 'b'</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;');
    expect(xmlText('أبو إلياس 𝔄')).toBe('أبو إلياس 𝔄');
    expect(xmlText('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
  });

  it('replaces what XML 1.0 cannot carry (controls, lone surrogates, U+FFFF) with U+FFFD', () => {
    expect(xmlText('a\u0000b\u001Fc\uFFFFd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(xmlText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
  });
});

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks, and neutralises what a spreadsheet would run as a formula', () => {
    expect(csvCell('Ouali, Youssef')).toBe('"Ouali, Youssef"');
    expect(csvCell('El "Profesor"')).toBe('"El ""Profesor"""');
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const start of ['+', '-', '@', '\t']) expect(csvCell(`${start}1`)).toBe(start === '\t' ? `'\t1` : `'${start}1`);
    expect(csvCell(-3)).toBe('-3');
    expect(csvLine(['a', 2, true])).toBe('a,2,true\r\n');
  });
});

describe('presenceSpells', () => {
  it('merges overlapping and adjacent stays, closes the open one at the export date, drops future ones', () => {
    const stays = [
      { from: '2019-01-01', to: '2020-01-01' },
      { from: '2020-01-02', to: '2020-06-01' },
      { from: '2020-03-01', to: '2020-04-01' },
      { from: '2021-01-01', to: '' },
      { from: '2030-01-01', to: '' },
    ];
    expect(presenceSpells(stays, '2026-12-05')).toEqual([
      { start: '2019-01-01', end: '2020-06-01' },
      { start: '2021-01-01', end: '2026-12-05' },
    ]);
  });
});

describe('exportedNetwork', () => {
  it('exports the whole case with grading, sources’ titles, counts and the prison of today', () => {
    const network = exportedNetwork(exportFixture(), FIXTURE_CASE_ID, { exportedOn: '2026-12-05' });
    expect(network.persons.map((p) => [p.id, p.prisonId])).toEqual([
      ['person:1', 'prison:b'],
      ['person:2', 'prison:a'],
      ['person:3', ''],
    ]);
    expect(network.links.map((l) => [l.id, l.grading, l.weight, l.sources])).toEqual([
      ['link:1', 'B2', 1, ['Informe 3/2021']],
      ['link:2', 'B2', 1, []],
      ['link:3', 'B2', 4, []],
    ]);
    expect(network.marking).toBe('RESERVADO');
  });

  it('as of a date: the network view’s selection (links known by then, people placed by that day’s stays)', () => {
    const network = exportedNetwork(exportFixture(), FIXTURE_CASE_ID, { exportedOn: '2026-12-05', asOf: '2021-01-01' });
    expect(network.links.map((l) => l.id)).toEqual(['link:1']);
    expect(network.persons.map((p) => [p.id, p.prisonId])).toEqual([
      ['person:1', 'prison:a'],
      ['person:2', 'prison:a'],
      ['person:3', ''],
    ]);
  });

  it('never exports a deleted record', () => {
    const snapshot = exportFixture();
    snapshot.persons[2] = { ...snapshot.persons[2]!, deleted: 1 };
    snapshot.links[0] = { ...snapshot.links[0]!, deleted: 1 };
    const network = exportedNetwork(snapshot, FIXTURE_CASE_ID, { exportedOn: '2026-12-05' });
    expect(network.persons.map((p) => p.id)).toEqual(['person:1', 'person:2']);
    // link:2 touched the deleted person: it goes with them.
    expect(network.links.map((l) => l.id)).toEqual(['link:3']);
  });
});

describe('graphmlChunks', () => {
  it('declares every attribute with its type, writes the marking, and keeps parallel links parallel', () => {
    const text = [...graphmlChunks(exportedNetwork(exportFixture(), FIXTURE_CASE_ID, { exportedOn: '2026-12-05' }))].join('');
    expect(text).toContain('<key id="e_directed" for="edge" attr.name="directed" attr.type="boolean"/>');
    expect(text).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="long"/>');
    expect(text).toContain('<key id="n_expected_release_year" for="node" attr.name="expected_release_year" attr.type="int"/>');
    expect(text).toContain('<data key="g_marking">RESERVADO</data>');
    expect(text.match(/<edge id="link:\d" source="person:1" target="person:2">/g)).toHaveLength(2);
    expect(text).toContain('<data key="e_directed">false</data>');
  });
});
