import type { CompactGraph } from './compact-graph';
import { runJob, sliceSize, type Job, type JobControl } from './job';
import { seededRandom, shuffledIndices } from './seeded-random';

export interface BetweennessOptions {
  /**
   * Divide by the number of pairs not including the person, (n−1)(n−2)/2, as networkx's
   * `betweenness_centrality(G, normalized=True)` does by default: values fall in [0, 1].
   * Otherwise the raw number of shortest paths through a person (each unordered pair once).
   */
  normalized?: boolean;
  /** Estimate from this many seeded random source people instead of all of them. */
  samplePivots?: number;
  seed?: number;
}

export interface BetweennessResult {
  values: Float64Array;
  /** False for a sampled estimate: the analyst must be told it is one. */
  exact: boolean;
  /** Source people used (n when exact). */
  pivots: number;
}

/**
 * Brandes' algorithm on the undirected, unweighted network: a link is a path of length one
 * whatever its weight, because weights count letters or calls, not distance. One BFS per source;
 * predecessors are not stored but found again as neighbours one step closer to the source, which
 * keeps everything in a handful of typed arrays.
 */
export function* betweennessJob(graph: CompactGraph, options: BetweennessOptions = {}): Job<BetweennessResult> {
  const n = graph.nodeCount;
  const { offsets, neighbours } = graph;
  const sampled = options.samplePivots !== undefined && options.samplePivots < n;
  const pivots = sampled ? Math.max(1, Math.floor(options.samplePivots!)) : n;
  const sources = sampled ? shuffledIndices(n, seededRandom(options.seed ?? 1)).subarray(0, pivots) : null;

  const centrality = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const queue = new Int32Array(n);
  const slice = sliceSize(n, graph.edgeCount);

  for (let p = 0; p < pivots; p++) {
    const s = sources ? sources[p]! : p;
    dist[s] = 0;
    sigma[s] = 1;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      const next = dist[v]! + 1;
      const sv = sigma[v]!;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
        const w = neighbours[i]!;
        let dw = dist[w]!;
        if (dw < 0) {
          dist[w] = dw = next;
          queue[tail++] = w;
        }
        if (dw === next) sigma[w]! += sv;
      }
    }
    for (let j = tail - 1; j > 0; j--) {
      const w = queue[j]!;
      const coefficient = (1 + delta[w]!) / sigma[w]!;
      const previous = dist[w]! - 1;
      for (let i = offsets[w]!, end = offsets[w + 1]!; i < end; i++) {
        const v = neighbours[i]!;
        if (dist[v] === previous) delta[v]! += sigma[v]! * coefficient;
      }
      centrality[w]! += delta[w]!;
    }
    for (let j = 0; j < tail; j++) {
      const v = queue[j]!;
      dist[v] = -1;
      sigma[v] = 0;
      delta[v] = 0;
    }
    if ((p + 1) % slice === 0 && p + 1 < pivots) yield { done: p + 1, total: pivots };
  }

  // Each unordered pair was counted from both ends.
  let scale = 0.5;
  if (options.normalized ?? true) scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 0;
  if (sampled) scale *= n / pivots;
  for (let v = 0; v < n; v++) centrality[v]! *= scale;
  return { values: centrality, exact: !sampled, pivots };
}

export function betweenness(
  graph: CompactGraph,
  options: BetweennessOptions = {},
  control: JobControl = {},
): BetweennessResult {
  return runJob(betweennessJob(graph, options), control);
}
