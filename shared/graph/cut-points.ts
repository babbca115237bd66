import type { CompactGraph } from './compact-graph';

export interface CutPoints {
  /** People whose removal splits their part of the network, ascending index. */
  articulationPoints: number[];
  /** Links whose removal splits the network, as [lower index, higher index], sorted. */
  bridges: [number, number][];
}

/**
 * Articulation points and bridges (Hopcroft–Tarjan lowpoints) of the undirected network, with an
 * explicit stack rather than recursion so that a 100k-person chain does not overflow the call
 * stack. Parallel links were merged in the compact graph, so skipping the parent node (not just
 * the parent link) is exact: a pair linked twice is still one bridge candidate.
 */
export function cutPoints(graph: CompactGraph): CutPoints {
  const n = graph.nodeCount;
  const { offsets, neighbours } = graph;
  const order = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const cursor = new Int32Array(n);
  const stack = new Int32Array(n);
  const isCut = new Uint8Array(n);
  const bridges: [number, number][] = [];
  let counter = 0;

  for (let root = 0; root < n; root++) {
    if (order[root] !== -1) continue;
    let top = 0;
    stack[0] = root;
    order[root] = low[root] = counter++;
    cursor[root] = offsets[root]!;
    let rootChildren = 0;
    while (top >= 0) {
      const v = stack[top]!;
      if (cursor[v]! < offsets[v + 1]!) {
        const w = neighbours[cursor[v]!++]!;
        if (order[w] === -1) {
          parent[w] = v;
          order[w] = low[w] = counter++;
          cursor[w] = offsets[w]!;
          stack[++top] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v] && order[w]! < low[v]!) {
          low[v] = order[w]!;
        }
        continue;
      }
      // v is finished: report to its parent.
      top--;
      const p = parent[v]!;
      if (p === -1) continue;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      if (low[v]! > order[p]!) bridges.push(p < v ? [p, v] : [v, p]);
      if (p !== root && low[v]! >= order[p]!) isCut[p] = 1;
    }
    if (rootChildren > 1) isCut[root] = 1;
  }
  const articulationPoints: number[] = [];
  for (let v = 0; v < n; v++) if (isCut[v]) articulationPoints.push(v);
  bridges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { articulationPoints, bridges };
}
