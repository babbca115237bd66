import type { ExportedLink, ExportedNetwork, ExportedPerson, ExportedPrison, ExportedStay } from './exported-network';
import { LIST_SEPARATOR } from './list-separator';
import { MARKING_ON_FILES } from './marking-text';
import { xmlText } from './xml-text';

export interface GraphmlOptions {
  /** Prisons as nodes too, each stay an edge from the person to the prison (kind "stay"). */
  prisonsAsNodes?: boolean;
}

type GraphmlType = 'boolean' | 'int' | 'long' | 'double' | 'string';
type Value = string | number | boolean | undefined;

interface Attribute<T> {
  name: string;
  type: GraphmlType;
  value(element: T): Value;
}

const yearOf = (date: string): number | undefined => (date ? Number(date.slice(0, 4)) : undefined);

type NodeElement = { kind: 'person'; person: ExportedPerson } | { kind: 'prison'; prison: ExportedPrison };
type EdgeElement = { kind: 'link'; link: ExportedLink } | { kind: 'stay'; stay: ExportedStay };

const GRAPH_ATTRIBUTES: Attribute<ExportedNetwork>[] = [
  { name: 'case', type: 'string', value: (n) => n.caseName },
  { name: 'marking', type: 'string', value: (n) => MARKING_ON_FILES[n.marking] },
  { name: 'exported_on', type: 'string', value: (n) => n.exportedOn },
  { name: 'as_of', type: 'string', value: (n) => n.asOf },
  { name: 'scope', type: 'string', value: (n) => (n.filtered ? 'view' : 'case') },
  { name: 'directed_note', type: 'string', value: () => 'Directed graph; each edge says in "directed" whether the link has a direction.' },
];

const person = (e: NodeElement) => (e.kind === 'person' ? e.person : undefined);
const prison = (e: NodeElement) => (e.kind === 'prison' ? e.prison : undefined);

const NODE_ATTRIBUTES: Attribute<NodeElement>[] = [
  { name: 'type', type: 'string', value: (e) => e.kind },
  { name: 'label', type: 'string', value: (e) => person(e)?.name ?? prison(e)!.shortName },
  { name: 'name', type: 'string', value: (e) => person(e)?.name ?? prison(e)!.name },
  { name: 'real_name', type: 'string', value: (e) => person(e)?.realName ?? '' },
  { name: 'other_names', type: 'string', value: (e) => person(e)?.otherNames.join(LIST_SEPARATOR) ?? '' },
  { name: 'identifiers', type: 'string', value: (e) => person(e)?.identifiers.join(LIST_SEPARATOR) ?? '' },
  { name: 'role', type: 'string', value: (e) => person(e)?.role ?? '' },
  { name: 'monitoring', type: 'string', value: (e) => person(e)?.monitoring ?? '' },
  { name: 'prison_id', type: 'string', value: (e) => person(e)?.prisonId ?? '' },
  { name: 'prison', type: 'string', value: (e) => person(e)?.prisonName ?? '' },
  { name: 'expected_release', type: 'string', value: (e) => person(e)?.expectedRelease ?? '' },
  { name: 'expected_release_year', type: 'int', value: (e) => yearOf(person(e)?.expectedRelease ?? '') },
  { name: 'town', type: 'string', value: (e) => prison(e)?.town ?? '' },
  { name: 'province', type: 'string', value: (e) => prison(e)?.province ?? '' },
];

const link = (e: EdgeElement) => (e.kind === 'link' ? e.link : undefined);
const stay = (e: EdgeElement) => (e.kind === 'stay' ? e.stay : undefined);

const EDGE_ATTRIBUTES: Attribute<EdgeElement>[] = [
  { name: 'record_id', type: 'string', value: (e) => link(e)?.id ?? stay(e)!.id },
  { name: 'kind', type: 'string', value: (e) => link(e)?.kind ?? 'stay' },
  { name: 'directed', type: 'boolean', value: (e) => link(e)?.directed ?? true },
  { name: 'weight', type: 'long', value: (e) => link(e)?.weight ?? 1 },
  { name: 'date', type: 'string', value: (e) => link(e)?.date ?? '' },
  { name: 'from', type: 'string', value: (e) => link(e)?.from ?? stay(e)!.from },
  { name: 'to', type: 'string', value: (e) => link(e)?.to ?? stay(e)!.to },
  { name: 'year', type: 'int', value: (e) => yearOf(link(e) ? link(e)!.date || link(e)!.from : stay(e)!.from) },
  { name: 'grading', type: 'string', value: (e) => link(e)?.grading ?? '' },
  { name: 'sources', type: 'string', value: (e) => link(e)?.sources.join(LIST_SEPARATOR) ?? '' },
];

/**
 * The network as GraphML, in chunks (one element each) so that a 50,000-link case is streamed to
 * disk, never built as one string. Node ids are the record ids, stable across exports; every
 * attribute is declared with its GraphML type (no defaults: readers such as networkx do not copy
 * them) and written on every element that has a value; an absent value is an absent attribute. The graph is directed and each edge
 * carries `directed`: networkx refuses undirected edges inside a directed graph, and a case mixes
 * letters (directed) with shared modules (not). Parallel links stay parallel edges.
 */
export function* graphmlChunks(network: ExportedNetwork, options: GraphmlOptions = {}): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  // The marking first, where a person opening the file in an editor reads it (and in the graph's data).
  yield `<!-- ${MARKING_ON_FILES[network.marking]} · Vigía export of ${network.exportedOn} -->\n`;
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  for (const [scope, attributes] of [
    ['graph', GRAPH_ATTRIBUTES],
    ['node', NODE_ATTRIBUTES],
    ['edge', EDGE_ATTRIBUTES],
  ] as const) {
    for (const a of attributes as readonly Attribute<never>[]) {
      yield `  <key id="${keyId(scope, a.name)}" for="${scope}" attr.name="${a.name}" attr.type="${a.type}"/>\n`;
    }
  }
  yield '  <graph id="G" edgedefault="directed">\n';
  yield data('    ', 'graph', GRAPH_ATTRIBUTES, network);
  for (const p of network.persons) yield node({ kind: 'person', person: p });
  if (options.prisonsAsNodes) for (const p of network.prisons) yield node({ kind: 'prison', prison: p });
  for (const l of network.links) yield edge(l.id, l.source, l.target, { kind: 'link', link: l });
  if (options.prisonsAsNodes) for (const s of network.stays) yield edge(s.id, s.personId, s.prisonId, { kind: 'stay', stay: s });
  yield '  </graph>\n</graphml>\n';
}

function node(element: NodeElement): string {
  const id = element.kind === 'person' ? element.person.id : element.prison.id;
  return `    <node id="${xmlText(id)}">\n${data('      ', 'node', NODE_ATTRIBUTES, element)}    </node>\n`;
}

function edge(id: string, source: string, target: string, element: EdgeElement): string {
  return `    <edge id="${xmlText(id)}" source="${xmlText(source)}" target="${xmlText(target)}">\n${data('      ', 'edge', EDGE_ATTRIBUTES, element)}    </edge>\n`;
}

function data<T>(indent: string, scope: string, attributes: readonly Attribute<T>[], element: T): string {
  let out = '';
  for (const a of attributes) {
    const value = a.value(element);
    // No value, no element: networkx reads an empty <data> as no attribute anyway, and a declared
    // default would not be copied (so none is declared).
    if (value === undefined || value === '') continue;
    out += `${indent}<data key="${keyId(scope, a.name)}">${xmlText(String(value))}</data>\n`;
  }
  return out;
}

const keyId = (scope: string, name: string) => `${scope[0]}_${name}`;
