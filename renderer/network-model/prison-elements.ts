import type { ElementDefinition } from 'cytoscape';
import { shortPrisonName } from '../../shared/gazetteer/short-names';
import { aggregateEdgeElements, countPair, type AggregateLink } from './aggregate-edges';
import { OUTSIDE_NODE_ID, personNodeId, prisonNodeId, type NetworkInput, type NetworkPerson, type NetworkPrison } from '../../shared/network/network-input';
import {
  BOLD_LETTER_EM,
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
import { blockSide, gridCells, LAPTOP_CANVAS, READABLE_PX, sunflowerOffset, type GridCell, type Point } from './layout';
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
  // Largest prisons first on the grid (reading order), so the eye starts where most people are.
  return groups.sort((a, b) => (inmates.get(b.id) ?? 0) - (inmates.get(a.id) ?? 0) || byName(a.label, b.label));
}

/**
 * Font size of the names on the prison level, in graph units (its largest prison's node is 100
 * across): the grid below is sized around the names, so they read at the zoom that fits it.
 */
export const SUMMARY_LABEL_SIZE = 50;
/** On the map, prisons of one region sit close together: their names are small, read by zooming in. */
const MAP_LABEL_SIZE = 11;
/** A line of a name, in em; and the room between a node and its name below (stylesheet.ts). */
const LINE_EM = 1.25;
const SUMMARY_LABEL_MARGIN = 4;
/** Room between two cells of the prison level's grid. */
const SUMMARY_GAP = 24;
/** An opened prison's padding, and its name above its box (stylesheet.ts's compound prisons). */
const OPENED_PADDING = 16;
const OPENED_LABEL = 40;

/** How large a closed prison's node is: by its inmates, relative to the case's largest prison. */
export function summarySize(count: number, maxInmates: number, view: NetworkViewKind): number {
  // On the map, prisons of one region sit close together: smaller nodes keep them apart.
  return view === 'map' ? Math.round(14 + 30 * Math.sqrt(count / maxInmates)) : Math.round(24 + 76 * Math.sqrt(count / maxInmates));
}

/** What a closed prison's label says: its short name, and its count on a second line when there is room. */
export function summaryLabel(group: Group, count: number, withCount: boolean, labels: ElementLabels): string {
  return withCount ? `${group.label}\n(${labels.formatNumber(count)})` : group.label;
}

/** The room a group needs on the grid, and how far below the cell's top its centre sits. */
interface GroupCell extends GridCell {
  centreY: number;
}

function groupCell(label: string, node: number, opened: number | undefined): GroupCell {
  if (opened !== undefined) {
    const side = blockSide(opened) + 2 * OPENED_PADDING;
    return { width: side, height: side + OPENED_LABEL, centreY: OPENED_LABEL + side / 2 };
  }
  const name = summaryLabelExtent(label, SUMMARY_LABEL_SIZE);
  return { width: Math.max(node, name.width), height: node + name.height, centreY: node / 2 };
}

/** About how wide a closed prison's label is and how far it reaches below its node, in graph units. */
export function summaryLabelExtent(label: string, labelSize: number): { width: number; height: number } {
  const lines = label.split('\n');
  return {
    width: Math.max(...lines.map((line) => line.length)) * BOLD_LETTER_EM * labelSize,
    height: SUMMARY_LABEL_MARGIN + lines.length * LINE_EM * labelSize,
  };
}

/**
 * The grid's columns that fit it largest to a laptop's canvas, with its zoom there. When the names with
 * their counts would read smaller than READABLE_PX, the counts leave the label (the node's size, its
 * tooltip, the panel and the table of counts still give them): the names matter more.
 */
function bestColumns(cells: readonly GridCell[]): { columns: number; zoom: number } {
  let best = { columns: 1, zoom: 0 };
  for (let columns = 1; columns <= Math.max(1, cells.length); columns++) {
    let width = 0;
    let height = 0;
    for (const cell of gridCells(cells, columns, SUMMARY_GAP, true)) {
      width = Math.max(width, cell.left + cell.width);
      height = Math.max(height, cell.top + cell.height);
    }
    const { padding } = LAPTOP_CANVAS;
    const zoom = Math.min((LAPTOP_CANVAS.width - 2 * padding) / width, (LAPTOP_CANVAS.height - 2 * padding) / height);
    if (zoom > best.zoom) best = { columns, zoom };
  }
  return best;
}

/** Where the prison level puts each group, and what its closed prisons' labels say. */
export interface GroupLayout {
  positions: Map<string, Point>;
  labels: Map<string, string>;
}

/**
 * Where each group sits: on the map, at its coordinates; otherwise on a brick grid about twice as
 * wide as tall whose cells fit each name (not a ring: 79 prisons' names around a circle overlap or
 * are too small to read), largest prisons first. `counts.opened` holds each opened prison's number of
 * people (it is drawn as them, in a box of its own).
 */
export function groupLayout(
  groups: readonly Group[],
  prisons: readonly NetworkPrison[],
  view: NetworkViewKind,
  counts: { inmates: Inmates; maxInmates: number; opened: ReadonlyMap<string, number> },
  labels: ElementLabels,
): GroupLayout {
  const ids = groups.map((g) => g.id);
  const labelsOf = (withCount: boolean) => new Map(groups.map((g) => [g.id, summaryLabel(g, counts.inmates.get(g.id) ?? 0, withCount, labels)]));
  if (view === 'map') {
    const byNode = new Map(prisons.map((p) => [prisonNodeId(p.id), p]));
    return { positions: mapPositions(ids, (id) => byNode.get(id)), labels: labelsOf(true) };
  }
  const cellsFor = (names: ReadonlyMap<string, string>) =>
    groups.map((g) => groupCell(names.get(g.id)!, summarySize(counts.inmates.get(g.id) ?? 0, counts.maxInmates, view), counts.opened.get(g.id)));
  let names = labelsOf(true);
  let cells = cellsFor(names);
  let fit = bestColumns(cells);
  if (fit.zoom * SUMMARY_LABEL_SIZE < READABLE_PX) {
    names = labelsOf(false);
    cells = cellsFor(names);
    fit = bestColumns(cells);
  }
  const placed = gridCells(cells, fit.columns, SUMMARY_GAP, true);
  const positions = new Map<string, Point>();
  groups.forEach((group, i) => {
    const cell = placed[i]!;
    positions.set(group.id, { x: Math.round(cell.left + cell.width / 2), y: Math.round(cell.top + cells[i]!.centreY) });
  });
  return { positions, labels: names };
}

/** A closed prison: one node sized by its inmates relative to the largest prison of the case. */
export function prisonSummaryElement(
  group: Group,
  count: number,
  maxInmates: number,
  internalLinks: number,
  centre: Point,
  view: NetworkViewKind,
  label: string,
): ElementDefinition {
  return {
    group: 'nodes',
    data: {
      id: group.id,
      type: group.id === OUTSIDE_NODE_ID ? 'outside-summary' : 'prison-summary',
      recordId: group.recordId,
      label,
      fullName: group.fullName,
      inmates: count,
      size: summarySize(count, maxInmates, view),
      labelSize: view === 'map' ? MAP_LABEL_SIZE : SUMMARY_LABEL_SIZE,
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
 * at their coordinates; otherwise on a grid sized around their names, largest first.
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
  // Sizes and weights relative to this case's largest prison and busiest pair: readable at any scale.
  const maxInmates = Math.max(1, ...inmates.values());
  const opened = new Map([...membersOf].map(([group, members]) => [group, members.length]));
  const layout = groupLayout(groups, input.prisons, options.view, { inmates, maxInmates, opened }, labels);

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

  let expandedPeople = 0;
  for (const group of groups) {
    const centre = layout.positions.get(group.id)!;
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
    elements.push(prisonSummaryElement(group, count, maxInmates, within.get(group.id) ?? 0, centre, options.view, layout.labels.get(group.id)!));
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
