import type { ExportedLink, ExportedNetwork, ExportedPerson } from './exported-network';
import { LIST_SEPARATOR } from './list-separator';
import { MARKING_ON_FILES } from './marking-text';
import { presenceSpells } from './spells';
import { xmlText } from './xml-text';

export type GexfVersion = '1.2' | '1.3';

type GexfType = 'string' | 'boolean' | 'integer' | 'long';
interface Attribute<T> {
  id: string;
  type: GexfType;
  value(element: T): string | number | boolean;
}

const NODE_ATTRIBUTES: Attribute<ExportedPerson>[] = [
  { id: 'real_name', type: 'string', value: (p) => p.realName },
  { id: 'other_names', type: 'string', value: (p) => p.otherNames.join(LIST_SEPARATOR) },
  { id: 'identifiers', type: 'string', value: (p) => p.identifiers.join(LIST_SEPARATOR) },
  { id: 'role', type: 'string', value: (p) => p.role },
  { id: 'monitoring', type: 'string', value: (p) => p.monitoring },
  { id: 'prison', type: 'string', value: (p) => p.prisonName },
  { id: 'expected_release', type: 'string', value: (p) => p.expectedRelease },
];

const EDGE_ATTRIBUTES: Attribute<ExportedLink>[] = [
  { id: 'kind', type: 'string', value: (l) => l.kind },
  { id: 'directed', type: 'boolean', value: (l) => l.directed },
  { id: 'date', type: 'string', value: (l) => l.date },
  { id: 'from', type: 'string', value: (l) => l.from },
  { id: 'to', type: 'string', value: (l) => l.to },
  { id: 'grading', type: 'string', value: (l) => l.grading },
  { id: 'sources', type: 'string', value: (l) => l.sources.join(LIST_SEPARATOR) },
];

const NAMESPACE: Record<GexfVersion, string> = { '1.2': 'http://www.gexf.net/1.2draft', '1.3': 'http://gexf.net/1.3' };

/**
 * The network as dynamic GEXF (`timeformat="date"`), in chunks: each person is present during their
 * stays (overlapping or adjacent stays merged, an open stay closed at the export date; a person with
 * no stay is present throughout), each link from its date or the start of its period on, as the
 * network view counts it (the period's end is its `to` attribute). Gephi's timeline and networkx's reader then see the
 * network change. As in GraphML the graph is directed and each edge says in `directed` whether its
 * direction means anything (networkx refuses undirected edges in a directed graph). 1.2 is what
 * networkx 2.8 reads; 1.3 is Gephi 0.10's.
 */
export function* gexfChunks(network: ExportedNetwork, version: GexfVersion = '1.2'): Generator<string> {
  const marking = MARKING_ON_FILES[network.marking];
  const staysByPerson = new Map<string, { from: string; to: string }[]>();
  for (const stay of network.stays) (staysByPerson.get(stay.personId) ?? staysByPerson.set(stay.personId, []).get(stay.personId)!).push(stay);
  const asOf = network.asOf ? `; as of ${network.asOf}` : '';

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<!-- ${marking} · Vigía export of ${network.exportedOn} -->\n`;
  yield `<gexf xmlns="${NAMESPACE[version]}" version="${version}">\n`;
  yield `  <meta lastmodifieddate="${network.exportedOn}">\n    <creator>Vigía</creator>\n`;
  yield `    <keywords>${xmlText(marking)}</keywords>\n`;
  yield `    <description>${xmlText(`${marking} · ${network.caseName} · exported ${network.exportedOn}${asOf} · ${network.filtered ? 'filtered view' : 'whole case'}`)}</description>\n  </meta>\n`;
  yield '  <graph mode="dynamic" defaultedgetype="directed" timeformat="date">\n';
  yield declarations('node', NODE_ATTRIBUTES);
  yield declarations('edge', EDGE_ATTRIBUTES);
  yield '    <nodes>\n';
  for (const person of network.persons) {
    const spells = presenceSpells(staysByPerson.get(person.id) ?? [], network.exportedOn);
    let out = `      <node id="${xmlText(person.id)}" label="${xmlText(person.name)}">\n${values(NODE_ATTRIBUTES, person)}`;
    if (spells.length > 0) {
      out += '        <spells>\n';
      for (const s of spells) out += `          <spell start="${s.start}" end="${s.end}"/>\n`;
      out += '        </spells>\n';
    }
    yield `${out}      </node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const link of network.links) {
    const start = link.date || link.from;
    // Open-ended, as the network view counts a link from the day it is known whatever its period's end:
    // the timeline on D then shows the links the view shows on D (the period's end is `to`).
    const time = start ? ` start="${start}"` : '';
    yield `      <edge id="${xmlText(link.id)}" source="${xmlText(link.source)}" target="${xmlText(link.target)}" weight="${link.weight}" label="${xmlText(link.kind)}"${time}>\n${values(EDGE_ATTRIBUTES, link)}      </edge>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

function declarations<T>(scope: 'node' | 'edge', attributes: readonly Attribute<T>[]): string {
  let out = `    <attributes class="${scope}" mode="static">\n`;
  for (const a of attributes) out += `      <attribute id="${a.id}" title="${a.id}" type="${a.type}"/>\n`;
  return `${out}    </attributes>\n`;
}

function values<T>(attributes: readonly Attribute<T>[], element: T): string {
  let out = '';
  for (const a of attributes) {
    const value = a.value(element);
    if (value === '') continue;
    out += `          <attvalue for="${a.id}" value="${xmlText(String(value))}"/>\n`;
  }
  return out ? `        <attvalues>\n${out}        </attvalues>\n` : '';
}
