import type { CompactGraph } from './compact-graph';

/** Number of distinct people each person is linked with (links read both ways; repeats count once). */
export function degree(graph: CompactGraph): Float64Array {
  const result = new Float64Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) result[v] = graph.offsets[v + 1]! - graph.offsets[v]!;
  return result;
}

/** Sum of the weights of a person's links (letters, calls …), both directions. */
export function weightedDegree(graph: CompactGraph): Float64Array {
  const result = new Float64Array(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    let sum = 0;
    for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) sum += graph.weights[i]!;
    result[v] = sum;
  }
  return result;
}
