import { drawableLinks, paintFor, prisonOf, sortedPrisons, type ElementLabels, type NetworkElements } from './elements';
import { OUTSIDE_NODE_ID, prisonNodeId, type NetworkInput, type NetworkPrison } from '../../shared/network/network-input';
import { aggregateEdgeElements, countPair, type AggregateLink } from './aggregate-edges';
import { groupLayout, namedPairs, orderedGroups, prisonSummaryElement } from './prison-elements';
import { DEFAULT_STYLING, type NetworkStyling } from './styling';

/**
 * The prison level of a case with no prison opened, reduced to counts: all a large case needs for
 * its first view. Computed off the page's thread (renderer/workers/network-overview.worker.ts) and
 * cached per case, so a 10k-person case opens without reading its 50k links first. Plain data:
 * it goes through postMessage and IndexedDB as it is.
 */
export interface PrisonOverview {
  people: number;
  /** Links whose two ends are people of the case. */
  links: number;
  /** Every prison of the case, by name. */
  prisons: NetworkPrison[];
  /** Group node id (a prison's, or the "no prison" group's) → people held there today. */
  inmates: Record<string, number>;
  /** Group node id → links between two of its own people. */
  within: Record<string, number>;
  /** Links between two groups, one entry per pair. */
  between: AggregateLink[];
}

/** Counts people per prison and links per pair of prisons, as the prison level draws them. Pure. */
export function aggregateByPrison(input: NetworkInput): PrisonOverview {
  const prisons = sortedPrisons(input);
  const prisonIds = new Set(prisons.map((p) => p.id));
  const groupOf = new Map<string, string>();
  const inmates: Record<string, number> = {};
  for (const person of input.persons) {
    const prisonId = prisonOf(input, prisonIds, person.id);
    const group = prisonId ? prisonNodeId(prisonId) : OUTSIDE_NODE_ID;
    groupOf.set(person.id, group);
    inmates[group] = (inmates[group] ?? 0) + 1;
  }
  const links = drawableLinks(input);
  const within: Record<string, number> = {};
  const between = new Map<string, AggregateLink>();
  for (const link of links) {
    const a = groupOf.get(link.fromId)!;
    const b = groupOf.get(link.toId)!;
    if (a === b) {
      within[a] = (within[a] ?? 0) + 1;
      continue;
    }
    countPair(between, a, b);
  }
  const plainPrisons = prisons.map(({ id, name, province, lat, lon, gazetteerId }) => ({
    id,
    name,
    province,
    ...(gazetteerId !== undefined ? { gazetteerId } : {}),
    ...(lat !== undefined ? { lat } : {}),
    ...(lon !== undefined ? { lon } : {}),
  }));
  return { people: input.persons.length, links: links.length, prisons: plainPrisons, inmates, within, between: [...between.values()] };
}

/**
 * What Cytoscape draws for an overview: the same elements and summary as the prison level of the
 * full case with no prison opened (elements.ts), so the view does not change when the people and
 * links arrive.
 */
export function buildPrisonOverview(
  overview: PrisonOverview,
  labels: ElementLabels,
  view: 'prisons' | 'map',
  styling: NetworkStyling = DEFAULT_STYLING,
): NetworkElements {
  const inmates = new Map(Object.entries(overview.inmates));
  const groups = orderedGroups(overview.prisons, inmates, labels, new Set());
  const maxInmates = Math.max(1, ...inmates.values());
  const layout = groupLayout(groups, overview.prisons, view, { inmates, maxInmates, opened: new Map() }, labels);
  const elements = groups.map((group) =>
    prisonSummaryElement(group, inmates.get(group.id) ?? 0, maxInmates, overview.within[group.id] ?? 0, layout.positions.get(group.id)!, view, layout.labels.get(group.id)!),
  );
  const aggregates = aggregateEdgeElements(overview.between);
  elements.push(...aggregates.elements);
  // Nobody is drawn one by one: the styling's fallbacks are those of an empty drawing.
  const painted = paintFor({ persons: [], prisons: [], links: [], currentPrisonByPerson: new Map() }, [], [], { styling });
  return {
    elements,
    pairs: namedPairs(overview.between, new Map(groups.map((g) => [g.id, g.label]))),
    summary: {
      level: 'prisons',
      view,
      people: overview.people,
      prisons: overview.prisons.length,
      links: overview.links,
      outside: overview.inmates[OUTSIDE_NODE_ID] ?? 0,
      kinds: [],
      expandedPrisons: 0,
      expandedPeople: 0,
      aggregated: overview.between.length > 0,
      undrawnAggregates: aggregates.undrawn,
      drawnPeople: 0,
      sizeBy: painted.effective.sizeBy,
      colours: [],
      releaseSoon: 0,
      releaseBadgeDays: styling.releaseBadgeDays,
      weightedLinks: false,
      derivedLinks: 0,
      quietLinks: 0,
    },
  };
}

/** Whether a value read back from the cache is an overview (the cache outlives app versions). */
export function isPrisonOverview(value: unknown): value is PrisonOverview {
  if (typeof value !== 'object' || value === null) return false;
  const o = value as Partial<Record<keyof PrisonOverview, unknown>>;
  return (
    typeof o.people === 'number' &&
    typeof o.links === 'number' &&
    Array.isArray(o.prisons) &&
    Array.isArray(o.between) &&
    typeof o.inmates === 'object' &&
    o.inmates !== null &&
    typeof o.within === 'object' &&
    o.within !== null
  );
}
