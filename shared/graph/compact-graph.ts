/**
 * A people network packed into typed arrays (CSR adjacency) so that the metrics run over
 * contiguous memory instead of objects and maps: this is what makes exact betweenness on
 * 10k people / 50k links affordable in JavaScript.
 *
 * The adjacency is the *undirected simple* graph: each pair of people linked at least once is one
 * neighbour pair, whatever the number or direction of the links between them; their weights are
 * summed (two letters weigh 2). Links from a person to themselves are dropped (a case cannot hold
 * them: see `self_link` in shared/model/link.ts). The original links are kept, with their
 * direction and date, for the metrics that need them (time-respecting paths).
 */
export interface NetworkLinkInput {
  source: string;
  target: string;
  /** Positive; 1 when absent (one letter, one call). */
  weight?: number;
  /** Only time-respecting paths honour direction; every other metric reads the link both ways. */
  directed?: boolean;
  /** `YYYY-MM-DD`; undated links take no part in time-respecting paths. */
  date?: string;
}

export interface CompactGraph {
  /** Person ids, index = node number. */
  readonly ids: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  readonly nodeCount: number;
  /** Distinct linked pairs. */
  readonly edgeCount: number;
  /** `neighbours[offsets[v] .. offsets[v+1])` are v's neighbours, ascending. */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  /** Summed link weight of each adjacency entry (same index as `neighbours`). */
  readonly weights: Float64Array;
  /** The links as given (self-links dropped), for direction- and date-aware metrics. */
  readonly links: {
    readonly source: Int32Array;
    readonly target: Int32Array;
    readonly directed: Uint8Array;
    /** Days since 1970-01-01, NaN when undated. */
    readonly day: Float64Array;
  };
}

export class UnknownPersonError extends Error {
  constructor(readonly personId: string) {
    super(`unknown person id in link: ${personId}`);
  }
}

export function dayNumber(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? Number.NaN : Math.round(ms / 86_400_000);
}

export function buildGraph(personIds: readonly string[], linkInputs: readonly NetworkLinkInput[]): CompactGraph {
  const ids = [...new Set(personIds)];
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const n = ids.length;

  const lSource: number[] = [];
  const lTarget: number[] = [];
  const lDirected: number[] = [];
  const lDay: number[] = [];
  const lWeight: number[] = [];
  for (const link of linkInputs) {
    const s = indexOf.get(link.source);
    if (s === undefined) throw new UnknownPersonError(link.source);
    const t = indexOf.get(link.target);
    if (t === undefined) throw new UnknownPersonError(link.target);
    if (s === t) continue;
    const weight = link.weight ?? 1;
    if (!(weight > 0 && Number.isFinite(weight))) throw new RangeError(`link weight must be positive: ${weight}`);
    lSource.push(s);
    lTarget.push(t);
    lDirected.push(link.directed ? 1 : 0);
    lDay.push(link.date ? dayNumber(link.date) : Number.NaN);
    lWeight.push(weight);
  }

  // Count both directions, fill, then sort each row and merge duplicates in place.
  const rawOffsets = new Int32Array(n + 1);
  for (let i = 0; i < lSource.length; i++) {
    rawOffsets[lSource[i]! + 1]!++;
    rawOffsets[lTarget[i]! + 1]!++;
  }
  for (let v = 0; v < n; v++) rawOffsets[v + 1]! += rawOffsets[v]!;
  const cursor = rawOffsets.slice(0, n);
  const rawNeighbours = new Int32Array(rawOffsets[n]!);
  const rawWeights = new Float64Array(rawOffsets[n]!);
  for (let i = 0; i < lSource.length; i++) {
    const s = lSource[i]!;
    const t = lTarget[i]!;
    const w = lWeight[i]!;
    rawNeighbours[cursor[s]!] = t;
    rawWeights[cursor[s]!++] = w;
    rawNeighbours[cursor[t]!] = s;
    rawWeights[cursor[t]!++] = w;
  }

  const offsets = new Int32Array(n + 1);
  const neighbours = new Int32Array(rawNeighbours.length);
  const weights = new Float64Array(rawNeighbours.length);
  let out = 0;
  const order: number[] = [];
  for (let v = 0; v < n; v++) {
    offsets[v] = out;
    const start = rawOffsets[v]!;
    const end = rawOffsets[v + 1]!;
    order.length = 0;
    for (let i = start; i < end; i++) order.push(i);
    order.sort((a, b) => rawNeighbours[a]! - rawNeighbours[b]!);
    for (const i of order) {
      const u = rawNeighbours[i]!;
      if (out > offsets[v]! && neighbours[out - 1] === u) weights[out - 1]! += rawWeights[i]!;
      else {
        neighbours[out] = u;
        weights[out++] = rawWeights[i]!;
      }
    }
  }
  offsets[n] = out;

  return {
    ids,
    indexOf,
    nodeCount: n,
    edgeCount: out / 2,
    offsets,
    neighbours: neighbours.slice(0, out),
    weights: weights.slice(0, out),
    links: {
      source: Int32Array.from(lSource),
      target: Int32Array.from(lTarget),
      directed: Uint8Array.from(lDirected),
      day: Float64Array.from(lDay),
    },
  };
}

/** The same people with some adjacency entries removed (used by the what-if). */
export function withoutEdgesOf(graph: CompactGraph, person: number): CompactGraph {
  const keep = (v: number, u: number) => v !== person && u !== person;
  const offsets = new Int32Array(graph.nodeCount + 1);
  const neighbours: number[] = [];
  const weights: number[] = [];
  for (let v = 0; v < graph.nodeCount; v++) {
    offsets[v] = neighbours.length;
    for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) {
      const u = graph.neighbours[i]!;
      if (!keep(v, u)) continue;
      neighbours.push(u);
      weights.push(graph.weights[i]!);
    }
  }
  offsets[graph.nodeCount] = neighbours.length;
  const linkKept: number[] = [];
  for (let i = 0; i < graph.links.source.length; i++) {
    if (keep(graph.links.source[i]!, graph.links.target[i]!)) linkKept.push(i);
  }
  return {
    ...graph,
    edgeCount: neighbours.length / 2,
    offsets,
    neighbours: Int32Array.from(neighbours),
    weights: Float64Array.from(weights),
    links: {
      source: Int32Array.from(linkKept, (i) => graph.links.source[i]!),
      target: Int32Array.from(linkKept, (i) => graph.links.target[i]!),
      directed: Uint8Array.from(linkKept, (i) => graph.links.directed[i]!),
      day: Float64Array.from(linkKept, (i) => graph.links.day[i]!),
    },
  };
}
