import type { CompactGraph } from './compact-graph';
import { runJob, sliceSize, type Job, type JobControl } from './job';

/**
 * Closeness as networkx computes it (`closeness_centrality(G, wf_improved=True)`), on the
 * undirected, unweighted network: (r − 1) / Σd over the r people a person can reach (itself
 * included), scaled by (r − 1) / (n − 1) — the Wasserman–Faust correction, so that someone close
 * to everyone in a small cluster does not outrank someone reaching the whole network. 0 for a
 * person with no links.
 */
export function* closenessJob(graph: CompactGraph): Job<Float64Array> {
  const n = graph.nodeCount;
  const { offsets, neighbours } = graph;
  const result = new Float64Array(n);
  const dist = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const slice = sliceSize(n, graph.edgeCount);
  for (let s = 0; s < n; s++) {
    dist[s] = 0;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    let total = 0;
    while (head < tail) {
      const v = queue[head++]!;
      const next = dist[v]! + 1;
      for (let i = offsets[v]!, end = offsets[v + 1]!; i < end; i++) {
        const w = neighbours[i]!;
        if (dist[w]! < 0) {
          dist[w] = next;
          total += next;
          queue[tail++] = w;
        }
      }
    }
    if (total > 0 && n > 1) result[s] = ((tail - 1) / total) * ((tail - 1) / (n - 1));
    for (let j = 0; j < tail; j++) dist[queue[j]!] = -1;
    if ((s + 1) % slice === 0 && s + 1 < n) yield { done: s + 1, total: n };
  }
  return result;
}

export function closeness(graph: CompactGraph, control: JobControl = {}): Float64Array {
  return runJob(closenessJob(graph), control);
}
