import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { fixtureCase, fixturePerson, FIXTURE_CASE_ID } from '../bundle/test-support';
import { emptySnapshot, type CaseSnapshot } from '../model';
import { csvFiles } from './csv-files';
import { exportedNetwork } from './exported-network';
import { fixtureLink, fixtureSource } from './export-test-support';
import { gexfChunks } from './gexf';
import { graphmlChunks } from './graphml';
import { LIST_SEPARATOR } from './list-separator';

// What an investigator's data can hold: quotes, ampersands, markup, Arabic script, formula
// prefixes, commas, line breaks. Every export must carry it through unchanged (CSV adds the
// documented apostrophe before a formula prefix, nothing else).
const hostile = fc
  .array(fc.constantFrom('a', 'Z', ' ', '"', "'", '&', '<', '>', '/', 'أ', 'ب', 'و', '=', '+', '-', '@', ',', ';', '\n', '\t', 'é', 'ñ', '𝔄'), { minLength: 1, maxLength: 12 })
  .map((chars) => chars.join(''))
  .filter((name) => !name.includes(LIST_SEPARATOR.trim()));

const generatedCase = fc
  .record({
    names: fc.array(fc.tuple(hostile, fc.array(hostile, { maxLength: 3 })), { minLength: 2, maxLength: 8 }),
    links: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), count: fc.integer({ min: 1, max: 500 }), directed: fc.boolean(), title: hostile }), { maxLength: 12 }),
  })
  .map(({ names, links }): CaseSnapshot => {
    const s = emptySnapshot();
    s.cases.push({ ...fixtureCase(), name: names[0]![0] });
    names.forEach(([name, others], i) =>
      s.persons.push({ ...fixturePerson(`person:${i}`, name), alternateNames: others.map((o) => ({ name: o, kind: 'alias', sourceIds: [] })) }),
    );
    links.forEach(({ a, b, count, directed, title }, i) => {
      const from = a % names.length;
      const to = b % names.length;
      if (from === to) return;
      s.sources.push(fixtureSource(`source:${i}`, title));
      s.links.push(fixtureLink(`link:${i}`, `person:${from}`, `person:${to}`, { count, directed, kind: directed ? 'letter' : 'family', sourceIds: [`source:${i}`] }));
    });
    return s;
  });

interface Parsed {
  graph: Record<string, string>;
  nodes: Map<string, Record<string, string>>;
  edges: { id: string; source: string; target: string; data: Record<string, string> }[];
}

/** GraphML read back by an independent XML parser: keys resolved to attribute names. */
function readGraphml(text: string): Parsed {
  const names = new Map<string, string>();
  const parsed: Parsed = { graph: {}, nodes: new Map(), edges: [] };
  let target: Record<string, string> = parsed.graph;
  let key: string | undefined;
  let value = '';
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'key') names.set(a.id!, a['attr.name']!);
    else if (tag.name === 'node') parsed.nodes.set(a.id!, (target = {}));
    else if (tag.name === 'edge') parsed.edges.push({ id: a.id!, source: a.source!, target: a.target!, data: (target = {}) });
    else if (tag.name === 'data') {
      key = names.get(a.key!);
      value = '';
    }
  });
  parser.on('text', (t) => {
    if (key) value += t;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'data' && key) {
      target[key] = value;
      key = undefined;
    }
  });
  parser.write(text).close();
  return parsed;
}

/** GEXF read back: each node's and edge's XML attributes and attvalues. */
function readGexf(text: string): { nodes: Record<string, string>[]; edges: Record<string, string>[] } {
  const read = { nodes: [] as Record<string, string>[], edges: [] as Record<string, string>[] };
  let current: Record<string, string> = {};
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const a = tag.attributes as Record<string, string>;
    if (tag.name === 'node') read.nodes.push((current = { ...a }));
    else if (tag.name === 'edge') read.edges.push((current = { ...a }));
    else if (tag.name === 'attvalue') current[`@${a.for}`] = a.value!;
  });
  parser.write(text).close();
  return read;
}

const neutralised = (value: string) => (/^'*[=+\-@\t\r]/.test(value) ? `'${value}` : value);

describe('exports round-trip (generated cases with hostile names)', () => {
  it('GraphML read back holds the same people, links and attributes, byte for byte', () => {
    fc.assert(
      fc.property(generatedCase, (snapshot) => {
        const network = exportedNetwork(snapshot, FIXTURE_CASE_ID, { exportedOn: '2026-12-05' });
        const parsed = readGraphml([...graphmlChunks(network)].join(''));
        expect(parsed.graph.case).toBe(snapshot.cases[0]!.name);
        expect([...parsed.nodes.keys()]).toEqual(network.persons.map((p) => p.id));
        for (const person of network.persons) {
          const node = parsed.nodes.get(person.id)!;
          expect(node.name).toBe(person.name);
          expect(node.other_names ?? '').toBe(person.otherNames.join(LIST_SEPARATOR));
          expect(node.role).toBe(person.role);
        }
        expect(parsed.edges.map((e) => [e.id, e.source, e.target, e.data.kind, e.data.directed, Number(e.data.weight), e.data.grading, e.data.sources])).toEqual(
          network.links.map((l) => [l.id, l.source, l.target, l.kind, String(l.directed), l.weight, l.grading, l.sources.join(LIST_SEPARATOR)]),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('GEXF (1.2 and 1.3) read back holds the same people, links and attributes, byte for byte', () => {
    fc.assert(
      fc.property(generatedCase, fc.constantFrom('1.2' as const, '1.3' as const), (snapshot, version) => {
        const network = exportedNetwork(snapshot, FIXTURE_CASE_ID, { exportedOn: '2026-12-05' });
        const read = readGexf([...gexfChunks(network, version)].join(''));
        expect(read.nodes.map((n) => [n.id, n.label, n['@other_names'] ?? ''])).toEqual(
          network.persons.map((p) => [p.id, p.name, p.otherNames.join(LIST_SEPARATOR)]),
        );
        expect(read.edges.map((e) => [e.id, e.source, e.target, Number(e.weight), e['@directed'], e['@sources'] ?? ''])).toEqual(
          network.links.map((l) => [l.id, l.source, l.target, l.weight, String(l.directed), l.sources.join(LIST_SEPARATOR)]),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('persons.csv and links.csv read back hold the same values (formula prefixes neutralised), with a BOM', () => {
    fc.assert(
      fc.property(generatedCase, (snapshot) => {
        const network = exportedNetwork(snapshot, FIXTURE_CASE_ID, { exportedOn: '2026-12-05' });
        const files = new Map(csvFiles(network).map((f) => [f.name, [...f.chunks()].join('')]));
        expect(files.get('persons.csv')!.startsWith('\uFEFFid,name,')).toBe(true);
        const persons = parse(files.get('persons.csv')!, { bom: true, columns: true }) as Record<string, string>[];
        expect(persons.map((p) => [p.id, p.name, p.other_names])).toEqual(
          network.persons.map((p) => [p.id, neutralised(p.name), neutralised(p.otherNames.join(LIST_SEPARATOR))]),
        );
        const links = parse(files.get('links.csv')!, { bom: true, columns: true }) as Record<string, string>[];
        expect(links.map((l) => [l.id, l.source, l.target, l.type, l.directed, Number(l.weight), l.grading, l.sources])).toEqual(
          network.links.map((l) => [l.id, l.source, l.target, l.kind, String(l.directed), l.weight, l.grading, neutralised(l.sources.join(LIST_SEPARATOR))]),
        );
        expect(files.get('MARKING.txt')!.split('\r\n')[0]).toBe('RESERVADO');
      }),
      { numRuns: 200 },
    );
  });
});
