import type { CompactGraph } from './compact-graph';
import { seededRandom, shuffledIndices } from './seeded-random';

export interface LouvainOptions {
  /** Same seed, same network → same communities. */
  seed?: number;
  resolution?: number;
  /** A level must raise modularity by more than this to be kept (networkx: 1e-7). */
  threshold?: number;
  /** Use link weights (number of letters, calls …); networkx does when links carry a weight. */
  weighted?: boolean;
}

export interface LouvainResult {
  /** Community number per person: 0 is the largest community, ties broken by first member. */
  community: Int32Array;
  communityCount: number;
  modularity: number;
  levels: number;
}

/** One level of the Louvain hierarchy: communities of the level below, as weighted nodes. */
interface Level {
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
  weights: Float64Array;
  /** Weight of links inside each node (each link once). */
  selfWeight: Float64Array;
}

/**
 * Louvain community detection (Blondel et al. 2008) following networkx's `louvain_communities`:
 * people visited in a seeded random order, moved to the neighbouring community with the largest
 * modularity gain (strictly positive), repeated until no one moves; then communities become nodes
 * and the process repeats while modularity rises by more than `threshold`. Undirected; weights
 * are link weights. Partitions can differ from networkx's for the same seed (different random
 * generator) while reaching a comparable modularity.
 */
export function louvain(graph: CompactGraph, options: LouvainOptions = {}): LouvainResult {
  const resolution = options.resolution ?? 1;
  const threshold = options.threshold ?? 1e-7;
  const weighted = options.weighted ?? true;
  const random = seededRandom(options.seed ?? 1);
  const n = graph.nodeCount;
  let level: Level = {
    n,
    offsets: graph.offsets,
    neighbours: graph.neighbours,
    weights: weighted ? graph.weights : new Float64Array(graph.neighbours.length).fill(1),
    selfWeight: new Float64Array(n),
  };
  const m = totalWeight(level);
  // Community of each person, carried through the levels.
  let membership = new Int32Array(n);
  for (let v = 0; v < n; v++) membership[v] = v;
  if (m === 0) return finish(membership, 0, 0);

  let modularity = levelModularity(level, identity(level.n), m, resolution);
  let levels = 0;
  for (;;) {
    const { community, moved } = oneLevel(level, m, resolution, random);
    if (!moved) break;
    const { renumbered, count } = renumber(community);
    const next = aggregate(level, renumbered, count);
    const nextModularity = levelModularity(next, identity(count), m, resolution);
    membership = membership.map((c) => renumbered[c]!);
    levels++;
    level = next;
    if (nextModularity - modularity <= threshold) {
      modularity = nextModularity;
      break;
    }
    modularity = nextModularity;
  }
  return finish(membership, modularity, levels);
}

function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

function totalWeight(level: Level): number {
  let sum = 0;
  for (let i = 0; i < level.weights.length; i++) sum += level.weights[i]!;
  let self = 0;
  for (let v = 0; v < level.n; v++) self += level.selfWeight[v]!;
  return sum / 2 + self;
}

function strengths(level: Level): Float64Array {
  const k = new Float64Array(level.n);
  for (let v = 0; v < level.n; v++) {
    let sum = 2 * level.selfWeight[v]!;
    for (let i = level.offsets[v]!; i < level.offsets[v + 1]!; i++) sum += level.weights[i]!;
    k[v] = sum;
  }
  return k;
}

function oneLevel(level: Level, m: number, resolution: number, random: () => number) {
  const { n, offsets, neighbours, weights } = level;
  const k = strengths(level);
  const community = identity(n);
  const total = Float64Array.from(k);
  const weightTo = new Float64Array(n);
  const touched = new Int32Array(n);
  const order = shuffledIndices(n, random);
  const twoM2 = 2 * m * m;
  let moved = false;
  for (;;) {
    let moves = 0;
    for (let o = 0; o < n; o++) {
      const u = order[o]!;
      const own = community[u]!;
      let touchedCount = 0;
      for (let i = offsets[u]!; i < offsets[u + 1]!; i++) {
        const c = community[neighbours[i]!]!;
        if (weightTo[c] === 0) touched[touchedCount++] = c;
        weightTo[c]! += weights[i]!;
      }
      const ku = k[u]!;
      total[own]! -= ku;
      const removeCost = -weightTo[own]! / m + (resolution * total[own]! * ku) / twoM2;
      let best = own;
      let bestGain = 0;
      for (let t = 0; t < touchedCount; t++) {
        const c = touched[t]!;
        const gain = removeCost + weightTo[c]! / m - (resolution * total[c]! * ku) / twoM2;
        if (gain > bestGain) {
          bestGain = gain;
          best = c;
        }
      }
      total[best]! += ku;
      for (let t = 0; t < touchedCount; t++) weightTo[touched[t]!] = 0;
      if (best !== own) {
        community[u] = best;
        moves++;
      }
    }
    if (moves === 0) break;
    moved = true;
  }
  return { community, moved };
}

function renumber(community: Int32Array): { renumbered: Int32Array; count: number } {
  const map = new Int32Array(community.length).fill(-1);
  let count = 0;
  const renumbered = new Int32Array(community.length);
  for (let v = 0; v < community.length; v++) {
    const c = community[v]!;
    if (map[c] === -1) map[c] = count++;
    renumbered[v] = map[c]!;
  }
  return { renumbered, count };
}

function aggregate(level: Level, community: Int32Array, count: number): Level {
  const selfWeight = new Float64Array(count);
  const rows: Map<number, number>[] = Array.from({ length: count }, () => new Map());
  for (let v = 0; v < level.n; v++) {
    const cv = community[v]!;
    selfWeight[cv]! += level.selfWeight[v]!;
    for (let i = level.offsets[v]!; i < level.offsets[v + 1]!; i++) {
      const u = level.neighbours[i]!;
      const cu = community[u]!;
      if (cu === cv) {
        if (u > v) selfWeight[cv]! += level.weights[i]!;
      } else rows[cv]!.set(cu, (rows[cv]!.get(cu) ?? 0) + level.weights[i]!);
    }
  }
  const offsets = new Int32Array(count + 1);
  for (let c = 0; c < count; c++) offsets[c + 1] = offsets[c]! + rows[c]!.size;
  const neighbours = new Int32Array(offsets[count]!);
  const weights = new Float64Array(offsets[count]!);
  for (let c = 0; c < count; c++) {
    let i = offsets[c]!;
    for (const [u, w] of rows[c]!) {
      neighbours[i] = u;
      weights[i++] = w;
    }
  }
  return { n: count, offsets, neighbours, weights, selfWeight };
}

function levelModularity(level: Level, community: Int32Array, m: number, resolution: number): number {
  const k = strengths(level);
  const inside = new Float64Array(level.n);
  const total = new Float64Array(level.n);
  for (let v = 0; v < level.n; v++) {
    const c = community[v]!;
    total[c]! += k[v]!;
    inside[c]! += level.selfWeight[v]!;
    for (let i = level.offsets[v]!; i < level.offsets[v + 1]!; i++) {
      const u = level.neighbours[i]!;
      if (u > v && community[u] === c) inside[c]! += level.weights[i]!;
    }
  }
  let q = 0;
  for (let c = 0; c < level.n; c++) q += inside[c]! / m - resolution * (total[c]! / (2 * m)) ** 2;
  return q;
}

/** Newman's weighted modularity of a partition of the people (community number per person). */
export function modularity(
  graph: CompactGraph,
  community: Int32Array,
  options: { resolution?: number; weighted?: boolean } = {},
): number {
  const weighted = options.weighted ?? true;
  const level: Level = {
    n: graph.nodeCount,
    offsets: graph.offsets,
    neighbours: graph.neighbours,
    weights: weighted ? graph.weights : new Float64Array(graph.neighbours.length).fill(1),
    selfWeight: new Float64Array(graph.nodeCount),
  };
  const m = totalWeight(level);
  return m === 0 ? 0 : levelModularity(level, community, m, options.resolution ?? 1);
}

function finish(membership: Int32Array, modularity: number, levels: number): LouvainResult {
  const n = membership.length;
  const size = new Int32Array(n);
  const first = new Int32Array(n).fill(n);
  for (let v = 0; v < n; v++) {
    const c = membership[v]!;
    size[c]!++;
    if (first[c] === n) first[c] = v;
  }
  const used = [...new Set(membership)];
  used.sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(n);
  used.forEach((c, i) => (rank[c] = i));
  return { community: membership.map((c) => rank[c]!), communityCount: used.length, modularity, levels };
}
