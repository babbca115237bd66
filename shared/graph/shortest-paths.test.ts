import { describe, expect, it } from 'vitest';
import { allShortestPaths } from './shortest-paths';
import { network } from './test-support';

describe('allShortestPaths', () => {
  const names = (graph: ReturnType<typeof network>, paths: number[][]) =>
    paths.map((p) => p.map((v) => graph.ids[v]).join('-'));

  it('lists every shortest chain between two people, and none of the longer ones', () => {
    const graph = network('a-b b-c a-d d-c c-e a-f f-g g-e');
    const result = allShortestPaths(graph, graph.indexOf.get('a')!, graph.indexOf.get('e')!);
    expect(result.distance).toBe(3);
    expect(result.pathCount).toBe(3);
    expect(names(graph, result.paths)).toEqual(['a-b-c-e', 'a-d-c-e', 'a-f-g-e']);
    expect(result.truncated).toBe(false);
  });

  it('says when people are not connected', () => {
    const graph = network('a-b c-d');
    expect(allShortestPaths(graph, 0, 3)).toEqual({ distance: null, pathCount: 0, paths: [], truncated: false });
  });

  it('caps the list but still counts all paths', () => {
    // Three diamonds in a row: 2 × 2 × 2 shortest paths.
    const graph = network('s-a1 s-b1 a1-m1 b1-m1 m1-a2 m1-b2 a2-m2 b2-m2 m2-a3 m2-b3 a3-t b3-t');
    const result = allShortestPaths(graph, graph.indexOf.get('s')!, graph.indexOf.get('t')!, 5);
    expect(result.pathCount).toBe(8);
    expect(result.paths.length).toBe(5);
    expect(result.truncated).toBe(true);
  });
});
