import type { CompactGraph } from './compact-graph';

export interface Components {
  /** Component number per person: 0 is the largest, ties broken by lowest person index. */
  component: Int32Array;
  /** Size of each component, largest first. */
  sizes: number[];
}

/** Connected components of the undirected network (a letter connects both people). */
export function connectedComponents(graph: CompactGraph): Components {
  const n = graph.nodeCount;
  const raw = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const rawSizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (raw[s] !== -1) continue;
    const c = rawSizes.length;
    raw[s] = c;
    queue[0] = s;
    let head = 0;
    let tail = 1;
    while (head < tail) {
      const v = queue[head++]!;
      for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) {
        const w = graph.neighbours[i]!;
        if (raw[w] === -1) {
          raw[w] = c;
          queue[tail++] = w;
        }
      }
    }
    rawSizes.push(tail);
  }
  // Components are found in order of their lowest member, so a stable sort breaks ties by it.
  const order = rawSizes.map((_, c) => c).sort((a, b) => rawSizes[b]! - rawSizes[a]!);
  const rank = new Int32Array(rawSizes.length);
  order.forEach((c, i) => (rank[c] = i));
  return { component: raw.map((c) => rank[c]!), sizes: order.map((c) => rawSizes[c]!) };
}

/** 1 − Σ sᵢ(sᵢ−1) / (n(n−1)): 0 when everyone can reach everyone, 1 when no one reaches anyone. */
export function fragmentation(sizes: readonly number[]): number {
  const n = sizes.reduce((a, b) => a + b, 0);
  if (n < 2) return 0;
  let connectedPairs = 0;
  for (const s of sizes) connectedPairs += s * (s - 1);
  return 1 - connectedPairs / (n * (n - 1));
}
