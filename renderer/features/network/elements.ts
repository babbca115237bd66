import type { ElementDefinition } from 'cytoscape';
import { LINK_KINDS, ROLES, type LinkKind } from '../../../shared/model';
import { circlePositions, packPrisons, type PrisonBlock } from './layout';
import {
  detailLevelFor,
  OUTSIDE_NODE_ID,
  personNodeId,
  prisonNodeId,
  type DetailLevel,
  type NetworkInput,
} from './network-input';

/** What the view drew, for the status line and the legend (which must match the drawing). */
export interface NetworkSummary {
  level: DetailLevel;
  people: number;
  prisons: number;
  links: number;
  /** People drawn outside any prison (released, or no stay recorded). */
  outside: number;
  /** Link kinds present in the drawing, in vocabulary order. */
  kinds: LinkKind[];
}

export interface NetworkElements {
  elements: ElementDefinition[];
  summary: NetworkSummary;
}

export interface ElementLabels {
  /** Label of the group of people held in no prison. */
  outside: string;
  /** Numbers in labels (inmates per prison) in the UI locale. */
  formatNumber(value: number): string;
}

const ROLE_ORDER = new Map<string, number>(ROLES.map((role, i) => [role, i]));
const byName = (a: string, b: string) => a.localeCompare(b, 'es');

/** Builds what Cytoscape draws for a case, at the level of detail its size allows. Pure. */
export function buildNetworkElements(input: NetworkInput, labels: ElementLabels): NetworkElements {
  return detailLevelFor(input) === 'people' ? buildPeopleLevel(input, labels) : buildPrisonLevel(input, labels);
}

function sortedPrisons(input: NetworkInput) {
  return [...input.prisons].sort((a, b) => byName(a.name, b.name) || byName(a.id, b.id));
}

/** The links whose two ends are people of the case, each once. */
function drawableLinks(input: NetworkInput) {
  const known = new Set(input.persons.map((p) => p.id));
  return input.links.filter((l) => l.fromId !== l.toId && known.has(l.fromId) && known.has(l.toId));
}

function prisonOf(input: NetworkInput, prisonIds: ReadonlySet<string>, personId: string): string | undefined {
  const prisonId = input.currentPrisonByPerson.get(personId);
  return prisonId && prisonIds.has(prisonId) ? prisonId : undefined;
}

function buildPeopleLevel(input: NetworkInput, labels: ElementLabels): NetworkElements {
  const prisons = sortedPrisons(input);
  const prisonIds = new Set(prisons.map((p) => p.id));
  const members = new Map<string, typeof input.persons[number][]>();
  for (const person of input.persons) {
    const group = prisonOf(input, prisonIds, person.id) ?? OUTSIDE_NODE_ID;
    const list = members.get(group) ?? [];
    list.push(person);
    members.set(group, list);
  }
  for (const list of members.values()) {
    list.sort((a, b) => (ROLE_ORDER.get(a.role) ?? 99) - (ROLE_ORDER.get(b.role) ?? 99) || byName(a.primaryName, b.primaryName));
  }
  const outside = members.get(OUTSIDE_NODE_ID) ?? [];
  const blocks: PrisonBlock[] = prisons.map((p) => ({
    id: prisonNodeId(p.id),
    memberIds: (members.get(p.id) ?? []).map((m) => personNodeId(m.id)),
  }));
  if (outside.length > 0) blocks.push({ id: OUTSIDE_NODE_ID, memberIds: outside.map((m) => personNodeId(m.id)) });
  const layout = packPrisons(blocks);

  const elements: ElementDefinition[] = [];
  for (const prison of prisons) {
    const id = prisonNodeId(prison.id);
    elements.push({ group: 'nodes', data: { id, type: 'prison', recordId: prison.id, label: prison.name }, position: layout.prisons.get(id)! });
  }
  if (outside.length > 0) {
    elements.push({ group: 'nodes', data: { id: OUTSIDE_NODE_ID, type: 'outside', label: labels.outside }, position: layout.prisons.get(OUTSIDE_NODE_ID)! });
  }
  for (const [group, list] of members) {
    const parent = group === OUTSIDE_NODE_ID ? OUTSIDE_NODE_ID : prisonNodeId(group);
    for (const person of list) {
      const id = personNodeId(person.id);
      elements.push({
        group: 'nodes',
        data: { id, parent, type: 'person', recordId: person.id, label: person.primaryName, role: person.role, monitoring: person.monitoring },
        position: layout.inmates.get(id)!,
      });
    }
  }
  const links = drawableLinks(input);
  const kinds = new Set<LinkKind>();
  for (const link of links) {
    kinds.add(link.kind);
    elements.push({
      group: 'edges',
      data: {
        id: `link|${link.id}`,
        source: personNodeId(link.fromId),
        target: personNodeId(link.toId),
        kind: link.kind,
        directed: link.directed,
        recordId: link.id,
      },
    });
  }
  return {
    elements,
    summary: {
      level: 'people',
      people: input.persons.length,
      prisons: prisons.length,
      links: links.length,
      outside: outside.length,
      kinds: LINK_KINDS.filter((k) => kinds.has(k)),
    },
  };
}

function buildPrisonLevel(input: NetworkInput, labels: ElementLabels): NetworkElements {
  const prisons = sortedPrisons(input);
  const prisonIds = new Set(prisons.map((p) => p.id));
  const groupOf = new Map<string, string>();
  const inmates = new Map<string, number>();
  for (const person of input.persons) {
    const prisonId = prisonOf(input, prisonIds, person.id);
    const node = prisonId ? prisonNodeId(prisonId) : OUTSIDE_NODE_ID;
    groupOf.set(person.id, node);
    inmates.set(node, (inmates.get(node) ?? 0) + 1);
  }
  const outside = inmates.get(OUTSIDE_NODE_ID) ?? 0;
  const nodes = prisons.map((p) => ({ id: prisonNodeId(p.id), recordId: p.id, label: p.name }));
  if (outside > 0) nodes.push({ id: OUTSIDE_NODE_ID, recordId: '', label: labels.outside });
  // Largest prisons first around the circle, so the eye starts where most people are.
  nodes.sort((a, b) => (inmates.get(b.id) ?? 0) - (inmates.get(a.id) ?? 0) || byName(a.label, b.label));
  const positions = circlePositions(nodes.map((n) => n.id));

  const links = drawableLinks(input);
  const between = new Map<string, { source: string; target: string; count: number }>();
  const within = new Map<string, number>();
  for (const link of links) {
    const a = groupOf.get(link.fromId)!;
    const b = groupOf.get(link.toId)!;
    if (a === b) {
      within.set(a, (within.get(a) ?? 0) + 1);
      continue;
    }
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}~${target}`;
    const entry = between.get(key) ?? { source, target, count: 0 };
    entry.count += 1;
    between.set(key, entry);
  }

  // Sizes and weights relative to this case's largest prison and busiest pair: readable at any scale.
  const maxInmates = Math.max(1, ...inmates.values());
  // Edge weight by rank among this case's prison pairs, steeply: in a large case nearly every pair
  // of prisons is linked, and only the strongest connections should stand out of the mesh.
  const counts = [...between.values()].map((e) => e.count).sort((a, b) => a - b);
  const rankOf = (count: number) => (counts.length <= 1 ? 1 : lastIndexAtMost(counts, count) / (counts.length - 1));
  const elements: ElementDefinition[] = nodes.map((node) => ({
    group: 'nodes',
    data: {
      id: node.id,
      type: node.id === OUTSIDE_NODE_ID ? 'outside-summary' : 'prison-summary',
      recordId: node.recordId,
      label: `${node.label} (${labels.formatNumber(inmates.get(node.id) ?? 0)})`,
      inmates: inmates.get(node.id) ?? 0,
      size: Math.round(24 + 76 * Math.sqrt((inmates.get(node.id) ?? 0) / maxInmates)),
      internalLinks: within.get(node.id) ?? 0,
    },
    position: positions.get(node.id)!,
  }));
  for (const [key, edge] of between) {
    const weight = rankOf(edge.count) ** 6;
    elements.push({
      group: 'edges',
      data: {
        id: `links|${key}`,
        source: edge.source,
        target: edge.target,
        type: 'aggregate',
        count: edge.count,
        width: Math.round((0.5 + 7.5 * weight) * 10) / 10,
        opacity: Math.round((0.04 + 0.71 * weight) * 100) / 100,
      },
    });
  }
  return {
    elements,
    summary: { level: 'prisons', people: input.persons.length, prisons: prisons.length, links: links.length, outside, kinds: [] },
  };
}

/** Index of the last value ≤ `value` in an ascending array (binary search). */
function lastIndexAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
