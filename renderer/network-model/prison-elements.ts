import type { ElementDefinition } from 'cytoscape';
import { shortPrisonName } from '../../shared/gazetteer/short-names';
import { aggregateEdgeElements, countPair, type AggregateLink } from './aggregate-edges';
import { OUTSIDE_NODE_ID, personNodeId, prisonNodeId, type NetworkInput, type NetworkPerson, type NetworkPrison } from '../../shared/network/network-input';
import {
  byName,
  byRoleThenName,
  derivedElements,
  drawableLinks,
  kindsOf,
  leadingPeople,
  linkElement,
  paintFor,
  personElement,
  prisonOf,
  sortedPrisons,
  type ElementLabels,
  type NamedPair,
  type NetworkElements,
  type ViewOptions,
} from './elements';
import { blockSide, circlePositions, sunflowerOffset, type Point } from './layout';
import { mapPositions } from './map-projection';
import type { NetworkViewKind } from './view-kinds';

export interface Group {
  id: string;
  recordId: string;
  /** The short name drawn on the graph (shortPrisonName). */
  label: string;
  /** The prison's full name: shown on hover, in the picker and the panel. */
  fullName: string;
  expanded: boolean;
}

/** A prison's node (or the "no prison" group's) and how many people it stands for. */
export type Inmates = ReadonlyMap<string, number>;

/** The prisons (and the "no prison" group when someone is outside), largest first, then by name. */
export function orderedGroups(prisons: readonly NetworkPrison[], inmates: Inmates, labels: ElementLabels, expanded: ReadonlySet<string>): Group[] {
  const groups: Group[] = prisons.map((p) => ({ id: prisonNodeId(p.id), recordId: p.id, label: shortPrisonName(p), fullName: p.name, expanded: expanded.has(prisonNodeId(p.id)) }));
  if ((inmates.get(OUTSIDE_NODE_ID) ?? 0) > 0) {
    groups.push({ id: OUTSIDE_NODE_ID, recordId: '', label: labels.outside, fullName: labels.outside, expanded: expanded.has(OUTSIDE_NODE_ID) });
  }
  // Largest prisons first around the circle, so the eye starts where most people are.
  return groups.sort((a, b) => (inmates.get(b.id) ?? 0) - (inmates.get(a.id) ?? 0) || byName(a.label, b.label));
}

/** Where each group sits: at its coordinates on the map, else on a circle wide enough for the widest opened prison. */
export function groupPositions(groups: readonly Group[], prisons: readonly NetworkPrison[], view: NetworkViewKind, widest: number): Map<string, Point> {
  const ids = groups.map((g) => g.id);
  if (view === 'map') {
    const byNode = new Map(prisons.map((p) => [prisonNodeId(p.id), p]));
    return mapPositions(ids, (id) => byNode.get(id));
  }
  return circlePositions(ids, Math.max(300, (groups.length * 130) / (2 * Math.PI)) + widest / 2);
}

/** A closed prison: one node sized by its inmates relative to the largest prison of the case. */
export function prisonSummaryElement(
  group: Group,
  count: number,
  maxInmates: number,
  internalLinks: number,
  centre: Point,
  view: NetworkViewKind,
  labels: ElementLabels,
): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: group.id,
      type: group.id === OUTSIDE_NODE_ID ? 'outside-summary' : 'prison-summary',
      recordId: group.recordId,
      label: `${group.label} (${labels.formatNumber(count)})`,
      fullName: group.fullName,
      inmates: count,
      // On the map, prisons of one region sit close together: smaller nodes keep them apart.
      size: view === 'map' ? Math.round(14 + 30 * Math.sqrt(count / maxInmates)) : Math.round(24 + 76 * Math.sqrt(count / maxInmates)),
      ...(view === 'map' ? { compact: true } : {}),
      internalLinks,
    },
    position: centre,
  };
}

/** The aggregated pairs with the names of their two ends, for the table of counts. */
export function namedPairs(between: Iterable<AggregateLink>, nameOf: ReadonlyMap<string, string>): NamedPair[] {
  return [...between].map((pair) => ({ ...pair, sourceName: nameOf.get(pair.source) ?? pair.source, targetName: nameOf.get(pair.target) ?? pair.target }));
}

/**
 * The prison level: one node per prison sized by its inmates, links between prisons aggregated
 * with their count. Expanded prisons are drawn as their people (inside the prison, as in the
 * grouped view), and links from them to collapsed prisons stay aggregated. On the map, prisons sit
 * at their coordinates; otherwise on a circle, largest first.
 */
export function buildPrisonLevel(input: NetworkInput, labels: ElementLabels, options: ViewOptions & { view: NetworkViewKind }): NetworkElements {
  const prisons = sortedPrisons(input);
  const prisonIds = new Set(prisons.map((p) => p.id));
  const expanded = options.expandedPrisonNodes ?? new Set<string>();
  const groupOf = new Map<string, string>();
  const inmates = new Map<string, number>();
  const membersOf = new Map<string, NetworkPerson[]>();
  for (const person of input.persons) {
    const prisonId = prisonOf(input, prisonIds, person.id);
    const group = prisonId ? prisonNodeId(prisonId) : OUTSIDE_NODE_ID;
    const open = expanded.has(group);
    groupOf.set(person.id, open ? personNodeId(person.id) : group);
    inmates.set(group, (inmates.get(group) ?? 0) + 1);
    if (open) (membersOf.get(group) ?? membersOf.set(group, []).get(group)!).push(person);
  }
  const outside = inmates.get(OUTSIDE_NODE_ID) ?? 0;
  const groups = orderedGroups(prisons, inmates, labels, expanded);
  const widest = Math.max(0, ...[...membersOf.values()].map((m) => blockSide(m.length)));
  const positions = groupPositions(groups, input.prisons, options.view, widest);

  const links = drawableLinks(input);
  const drawnPeople = [...membersOf.values()].flat();
  const painted = paintFor(input, drawnPeople, links, options);
  const between = new Map<string, AggregateLink>();
  const within = new Map<string, number>();
  const elements: ElementDefinition[] = [];
  const individual: typeof links = [];
  for (const link of links) {
    const a = groupOf.get(link.fromId)!;
    const b = groupOf.get(link.toId)!;
    if (a === personNodeId(link.fromId) && b === personNodeId(link.toId)) {
      individual.push(link);
      continue;
    }
    if (a === b) {
      within.set(a, (within.get(a) ?? 0) + 1);
      continue;
    }
    countPair(between, a, b);
  }

  // Sizes and weights relative to this case's largest prison and busiest pair: readable at any scale.
  const maxInmates = Math.max(1, ...inmates.values());
  let expandedPeople = 0;
  for (const group of groups) {
    const centre = positions.get(group.id)!;
    const count = inmates.get(group.id) ?? 0;
    if (group.expanded) {
      const members = (membersOf.get(group.id) ?? []).sort(byRoleThenName);
      expandedPeople += members.length;
      elements.push({
        group: 'nodes',
        data: { id: group.id, type: group.id === OUTSIDE_NODE_ID ? 'outside' : 'prison', recordId: group.recordId, label: group.label, fullName: group.fullName, expanded: true },
        position: centre,
      });
      members.forEach((person, k) => {
        const offset = sunflowerOffset(k);
        const position: Point = { x: Math.round(centre.x + offset.x), y: Math.round(centre.y + offset.y) };
        elements.push(personElement(person, { parent: group.id }, position, painted.paint.get(person.id)!, painted.releasing.has(person.id)));
      });
      continue;
    }
    elements.push(prisonSummaryElement(group, count, maxInmates, within.get(group.id) ?? 0, centre, options.view, labels));
  }
  const aggregates = aggregateEdgeElements([...between.values()]);
  elements.push(...aggregates.elements);
  const leading = leadingPeople(input.persons);
  for (const link of individual) elements.push(linkElement(link, leading));
  const derived = derivedElements(options.derivedLinks, new Set(drawnPeople.map((p) => p.id)));
  elements.push(...derived);
  const nameOf = new Map<string, string>(groups.map((g) => [g.id, g.label]));
  for (const person of drawnPeople) nameOf.set(personNodeId(person.id), person.primaryName);
  return {
    elements,
    pairs: namedPairs(between.values(), nameOf),
    summary: {
      level: 'prisons',
      view: options.view,
      people: input.persons.length,
      prisons: prisons.length,
      links: links.length,
      outside,
      kinds: kindsOf(individual),
      expandedPrisons: groups.filter((g) => g.expanded).length,
      expandedPeople,
      aggregated: between.size > 0,
      undrawnAggregates: aggregates.undrawn,
      drawnPeople: drawnPeople.length,
      sizeBy: painted.effective.sizeBy,
      ...(painted.effective.sizeBy === 'metric' && options.overlay?.metric ? { metricName: options.overlay.metric.name } : {}),
      colours: drawnPeople.length > 0 ? painted.colours : [],
      releaseSoon: painted.releasing.size,
      releaseBadgeDays: painted.styling.releaseBadgeDays,
      weightedLinks: individual.some((l) => (l.count ?? 1) > 1),
      derivedLinks: derived.length,
      quietLinks: individual.filter((l) => !leading.has(l.fromId) && !leading.has(l.toId)).length,
    },
  };
}
