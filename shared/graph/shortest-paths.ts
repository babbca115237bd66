import type { CompactGraph } from './compact-graph';

export interface ShortestPaths {
  /** Number of links on a shortest path; null when the two people are not connected. */
  distance: number | null;
  /** How many distinct shortest paths exist (may exceed the ones listed). */
  pathCount: number;
  /** Shortest paths as person indices from `from` to `to`, in ascending neighbour order. */
  paths: number[][];
  /** True when more than `maxPaths` paths exist and only the first ones are listed. */
  truncated: boolean;
}

/**
 * All shortest chains of people between two people (breadth-first search on the undirected
 * network: a chain of letters counts whoever wrote them). Their number can grow exponentially,
 * so at most `maxPaths` are listed and `pathCount` says how many there are.
 */
export function allShortestPaths(graph: CompactGraph, from: number, to: number, maxPaths = 1000): ShortestPaths {
  const n = graph.nodeCount;
  const { offsets, neighbours } = graph;
  if (from === to) return { distance: 0, pathCount: 1, paths: [[from]], truncated: false };
  const dist = new Int32Array(n).fill(-1);
  const sigma = new Float64Array(n);
  const queue = new Int32Array(n);
  dist[from] = 0;
  sigma[from] = 1;
  queue[0] = from;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = queue[head++]!;
    if (dist[to] !== -1 && dist[v]! >= dist[to]!) break;
    for (let i = offsets[v]!; i < offsets[v + 1]!; i++) {
      const w = neighbours[i]!;
      if (dist[w] === -1) {
        dist[w] = dist[v]! + 1;
        queue[tail++] = w;
      }
      if (dist[w] === dist[v]! + 1) sigma[w]! += sigma[v]!;
    }
  }
  if (dist[to] === -1) return { distance: null, pathCount: 0, paths: [], truncated: false };

  // Walk back from `to` through neighbours one step closer to `from`, depth first, iteratively.
  const paths: number[][] = [];
  const chain: number[] = [to];
  const cursors: number[] = [offsets[to]!];
  while (chain.length > 0 && paths.length < maxPaths) {
    const depth = chain.length - 1;
    const v = chain[depth]!;
    if (v === from) {
      paths.push([...chain].reverse());
      chain.pop();
      cursors.pop();
      continue;
    }
    let advanced = false;
    while (cursors[depth]! < offsets[v + 1]!) {
      const u = neighbours[cursors[depth]!++]!;
      if (dist[u] !== -1 && dist[u] === dist[v]! - 1) {
        chain.push(u);
        cursors.push(offsets[u]!);
        advanced = true;
        break;
      }
    }
    if (!advanced) {
      chain.pop();
      cursors.pop();
    }
  }
  paths.sort((a, b) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  });
  return { distance: dist[to]!, pathCount: sigma[to]!, paths, truncated: sigma[to]! > paths.length };
}
