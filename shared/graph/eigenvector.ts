import type { CompactGraph } from './compact-graph';

export interface EigenvectorResult {
  values: Float64Array;
  iterations: number;
  converged: boolean;
}

/**
 * Eigenvector centrality as networkx's `eigenvector_centrality` computes it: power iteration on
 * A + I (the shift keeps bipartite networks from oscillating) from a uniform start, scaled to unit
 * Euclidean length, on the undirected network with every link counting 1 — a person matters for
 * whom they know, not for how many letters they wrote.
 */
export function eigenvectorCentrality(
  graph: CompactGraph,
  options: { tolerance?: number; maxIterations?: number } = {},
): EigenvectorResult {
  const n = graph.nodeCount;
  const tolerance = options.tolerance ?? 1e-12;
  const maxIterations = options.maxIterations ?? 10_000;
  const { offsets, neighbours } = graph;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iteration = 1; iteration <= maxIterations; iteration++) {
    next.set(x);
    for (let v = 0; v < n; v++) {
      const xv = x[v]!;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) next[neighbours[i]!]! += xv;
    }
    let norm = 0;
    for (let v = 0; v < n; v++) norm += next[v]! * next[v]!;
    norm = Math.sqrt(norm) || 1;
    let change = 0;
    for (let v = 0; v < n; v++) {
      next[v]! /= norm;
      change += Math.abs(next[v]! - x[v]!);
    }
    [x, next] = [next, x];
    if (change < n * tolerance) return { values: x, iterations: iteration, converged: true };
  }
  return { values: x, iterations: maxIterations, converged: false };
}
