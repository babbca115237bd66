import { describe, expect, it } from 'vitest';
import { buildGraph } from './compact-graph';
import { cutPoints } from './cut-points';
import { network } from './test-support';

describe('cutPoints', () => {
  it('finds the two people and the one link that hold two triangles together', () => {
    const graph = network('a-b b-c c-a c-d d-e e-f f-d');
    const { articulationPoints, bridges } = cutPoints(graph);
    expect(articulationPoints.map((v) => graph.ids[v])).toEqual(['c', 'd']);
    expect(bridges.map(([a, b]) => `${graph.ids[a]}-${graph.ids[b]}`)).toEqual(['c-d']);
  });

  it('counts a root with two branches, and nothing in a cycle', () => {
    const star = network('h-a h-b');
    expect(cutPoints(star).articulationPoints.map((v) => star.ids[v])).toEqual(['h']);
    const cycle = network('a-b b-c c-d d-a');
    expect(cutPoints(cycle)).toEqual({ articulationPoints: [], bridges: [] });
  });

  it('a link written twice is still a bridge (parallel links are one pair)', () => {
    const graph = buildGraph(['a', 'b'], [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }]);
    expect(cutPoints(graph).bridges).toEqual([[0, 1]]);
  });

  it('handles a 100k-person chain without overflowing the stack', () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `p${i}`);
    const links = ids.slice(1).map((id, i) => ({ source: ids[i]!, target: id }));
    const { articulationPoints, bridges } = cutPoints(buildGraph(ids, links));
    expect(articulationPoints.length).toBe(n - 2);
    expect(bridges.length).toBe(n - 1);
  });
});
