import { describe, expect, it } from 'vitest';
import { buildGraph } from './compact-graph';
import { pageRank } from './pagerank';
import { byId, network } from './test-support';

describe('pageRank', () => {
  it('is uniform on a cycle and sums to 1', () => {
    const graph = network('a-b b-c c-d d-e e-a');
    const { values, converged } = pageRank(graph);
    expect(converged).toBe(true);
    for (const v of values) expect(v).toBeCloseTo(0.2, 12);
  });

  it('matches the closed form on a star with three leaves', () => {
    // centre = 0.0375 + 0.85 × 3 × leaf, leaf = 0.0375 + 0.85 × centre / 3
    const graph = network('h-a h-b h-c');
    const values = byId(graph, pageRank(graph).values);
    expect(values.h).toBeCloseTo(0.133125 / 0.2775, 9);
    expect(values.a! * 3 + values.h!).toBeCloseTo(1, 12);
  });

  it('spreads the rank of people without links evenly', () => {
    const graph = network('a-b', ['z']);
    expect(byId(graph, pageRank(graph).values).z).toBeCloseTo(0.05 / (1 - 0.85 / 3), 10);
  });

  it('follows link weight when weighted, and ignores it when not', () => {
    const graph = buildGraph(['a', 'b', 'c'], [{ source: 'a', target: 'b', weight: 9 }, { source: 'a', target: 'c' }]);
    const weighted = byId(graph, pageRank(graph).values);
    const plain = byId(graph, pageRank(graph, { weighted: false }).values);
    expect(weighted.b).toBeGreaterThan(weighted.c!);
    expect(plain.b).toBeCloseTo(plain.c!, 12);
  });
});
