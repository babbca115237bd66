import { describe, expect, it } from 'vitest';
import { betweenness } from './betweenness';
import { JobCancelled } from './job';
import { byId, network } from './test-support';

describe('betweenness', () => {
  it('on a path a-b-c-d: b and c each sit between two of the three pairs not involving them', () => {
    const graph = network('a-b b-c c-d');
    expect(byId(graph, betweenness(graph).values)).toEqual({ a: 0, b: 2 / 3, c: 2 / 3, d: 0 });
    expect(byId(graph, betweenness(graph, { normalized: false }).values)).toEqual({ a: 0, b: 2, c: 2, d: 0 });
  });

  it('the centre of a star lies on every path between leaves; split paths share the credit', () => {
    const star = network('h-a h-b h-c h-d');
    expect(byId(star, betweenness(star).values)).toMatchObject({ h: 1, a: 0 });
    // Square a-b-c-d-a: a and c are joined by two shortest paths, through b and through d.
    const square = network('a-b b-c c-d d-a');
    expect(byId(square, betweenness(square, { normalized: false }).values)).toEqual({ a: 0.5, b: 0.5, c: 0.5, d: 0.5 });
  });

  it('a sampled estimate says it is one, is reproducible by seed, and with all pivots equals the exact value', () => {
    const graph = network('a-b b-c c-d d-e e-f b-f a-g');
    const sampled = betweenness(graph, { samplePivots: 3, seed: 7 });
    expect(sampled.exact).toBe(false);
    expect(sampled.pivots).toBe(3);
    expect([...betweenness(graph, { samplePivots: 3, seed: 7 }).values]).toEqual([...sampled.values]);
    expect(betweenness(graph, { samplePivots: graph.nodeCount }).exact).toBe(true);
  });

  it('reports progress and stops when cancelled', () => {
    const pairs = Array.from({ length: 3000 }, (_, i) => `n${i}-n${i + 1}`).join(' ');
    const graph = network(pairs);
    const seen: number[] = [];
    expect(() =>
      betweenness(graph, {}, { onProgress: (p) => seen.push(p.done), isCancelled: () => seen.length >= 2 }),
    ).toThrow(JobCancelled);
    expect(seen.length).toBe(2);
    expect(seen[0]!).toBeLessThan(seen[1]!);
    expect(seen[1]!).toBeLessThan(graph.nodeCount);
  });
});
