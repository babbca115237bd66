import type { CompactGraph } from './compact-graph';

export interface PageRankOptions {
  damping?: number;
  /** Stop when the summed change over all people falls below n × tolerance (networkx's test). */
  tolerance?: number;
  maxIterations?: number;
  /** Spread rank in proportion to link weight (networkx's default when links carry a weight). */
  weighted?: boolean;
}

export interface PageRankResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * PageRank on the undirected network (each link passes rank both ways: a letter shows a relation
 * whoever wrote it), the iteration networkx uses: people without links spread their rank evenly.
 * The tolerance defaults to 1e-10, far below networkx's 1e-6, because looser settings reorder
 * people whose scores are close (graphology's default deviates up to 6 % from igraph).
 */
export function pageRank(graph: CompactGraph, options: PageRankOptions = {}): PageRankResult {
  const n = graph.nodeCount;
  const damping = options.damping ?? 0.85;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 1000;
  const weighted = options.weighted ?? true;
  const { offsets, neighbours, weights } = graph;
  if (n === 0) return { values: new Float64Array(0), iterations: 0, converged: true };

  const outWeight = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let sum = 0;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) sum += weighted ? weights[i]! : 1;
    outWeight[v] = sum;
  }
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outWeight[v] === 0) dangling += rank[v]!;
    const base = (damping * dangling + 1 - damping) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const out = outWeight[v]!;
      if (out === 0) continue;
      const share = (damping * rank[v]!) / out;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
        next[neighbours[i]!]! += weighted ? share * weights[i]! : share;
      }
    }
    let change = 0;
    for (let v = 0; v < n; v++) change += Math.abs(next[v]! - rank[v]!);
    [rank, next] = [next, rank];
    if (change < n * tolerance) return { values: rank, iterations: iteration, converged: true };
  }
  return { values: rank, iterations: maxIterations, converged: false };
}
