import type { ElementDefinition } from 'cytoscape';

/** Links between two groups (prisons, or a person of an opened prison and a prison), counted once per pair (source < target). */
export interface AggregateLink {
  source: string;
  target: string;
  count: number;
}

/** Counts one link between groups `a` and `b` (in either direction) in `between`, keyed once per pair. */
export function countPair(between: Map<string, AggregateLink>, a: string, b: string): void {
  const [source, target] = a < b ? [a, b] : [b, a];
  const key = `${source}~${target}`;
  const entry = between.get(key) ?? { source, target, count: 0 };
  entry.count += 1;
  between.set(key, entry);
}

/** At most this many prison-to-prison edges carry their count as a label: more would hide the prisons. */
export const AGGREGATE_LABEL_LIMIT = 30;
/**
 * Above this many linked pairs the prison level is a mesh (in a large case nearly every pair of
 * prisons is linked): pairs that would be drawn fainter than MIN_DRAWN_OPACITY are left out of the
 * drawing. They carry no visible information there and cost Cytoscape most of its time; the table
 * of counts (AggregateLinksTable) still lists them, and the legend says how many are left out.
 */
export const AGGREGATE_MESH_PAIRS = 400;
export const MIN_DRAWN_OPACITY = 0.1;
/**
 * In a mesh, at most this many pairs are drawn, the strongest: at 10k people the faintness rule
 * alone still drew about a thousand (a grey disc that hid the prisons, and most of the first
 * view's drawing time); the strongest 150 show where the ties are.
 */
export const AGGREGATE_MESH_DRAWN = 150;

/** Whether a pair's count is drawn as a label on its edge, and whether the edge is drawn at all. */
export interface AggregatePlan {
  width: number;
  opacity: number;
  drawn: boolean;
  labelled: boolean;
}

/**
 * Weight by rank among this case's pairs, steeply: only the strongest connections stand out of the
 * mesh. The AGGREGATE_LABEL_LIMIT strongest drawn pairs (by count, then by id for a stable choice)
 * are labelled; in a mesh the faintest pairs are not drawn. Pure; one entry per pair, in order.
 */
export function planAggregateEdges(between: readonly AggregateLink[]): AggregatePlan[] {
  const counts = between.map((e) => e.count).sort((a, b) => a - b);
  const rankOf = (count: number) => (counts.length <= 1 ? 1 : lastIndexAtMost(counts, count) / (counts.length - 1));
  const mesh = between.length > AGGREGATE_MESH_PAIRS;
  const plans = between.map((edge) => {
    const weight = rankOf(edge.count) ** 6;
    const opacity = Math.round((0.04 + 0.71 * weight) * 100) / 100;
    return { width: Math.round((0.5 + 7.5 * weight) * 10) / 10, opacity, drawn: !mesh || opacity >= MIN_DRAWN_OPACITY, labelled: false };
  });
  const strongest = between
    .map((edge, i) => ({ i, count: edge.count, id: `${edge.source}~${edge.target}` }))
    .filter(({ i }) => plans[i]!.drawn)
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (mesh) for (const { i } of strongest.slice(AGGREGATE_MESH_DRAWN)) plans[i]!.drawn = false;
  for (const { i } of strongest.slice(0, AGGREGATE_LABEL_LIMIT)) plans[i]!.labelled = true;
  return plans;
}

/** The edges drawn for the pairs, and how many pairs are left out of the drawing (see planAggregateEdges). */
export function aggregateEdgeElements(between: readonly AggregateLink[]): { elements: ElementDefinition[]; undrawn: number } {
  const plans = planAggregateEdges(between);
  const elements: ElementDefinition[] = [];
  between.forEach((edge, i) => {
    const plan = plans[i]!;
    if (!plan.drawn) return;
    elements.push({
      group: 'edges',
      data: {
        id: `links|${edge.source}~${edge.target}`,
        source: edge.source,
        target: edge.target,
        type: 'aggregate',
        count: edge.count,
        width: plan.width,
        opacity: plan.opacity,
        ...(plan.labelled ? { labelled: true } : {}),
      },
    });
  });
  return { elements, undrawn: between.length - elements.length };
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
