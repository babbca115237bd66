import { describe, expect, it } from 'vitest';
import { buildGraph, UnknownPersonError, withoutEdgesOf } from './compact-graph';
import { degree, weightedDegree } from './degree';
import { byId } from './test-support';

describe('buildGraph', () => {
  it('merges repeated and reversed links into one neighbour pair, summing their weights', () => {
    const graph = buildGraph(
      ['ana', 'ben', 'cai'],
      [
        { source: 'ana', target: 'ben', weight: 2, directed: true },
        { source: 'ben', target: 'ana', weight: 3 },
        { source: 'ana', target: 'cai' },
        { source: 'cai', target: 'cai' },
      ],
    );
    expect(graph.edgeCount).toBe(2);
    expect(byId(graph, degree(graph))).toEqual({ ana: 2, ben: 1, cai: 1 });
    expect(byId(graph, weightedDegree(graph))).toEqual({ ana: 6, ben: 5, cai: 1 });
    // Original links are kept for date- and direction-aware metrics; the self-link is dropped.
    expect(graph.links.source.length).toBe(3);
    expect([...graph.links.directed]).toEqual([1, 0, 0]);
  });

  it('keeps people without links and rejects links to unknown people', () => {
    const graph = buildGraph(['ana', 'ben'], []);
    expect(graph.nodeCount).toBe(2);
    expect([...degree(graph)]).toEqual([0, 0]);
    expect(() => buildGraph(['ana'], [{ source: 'ana', target: 'zed' }])).toThrow(UnknownPersonError);
    expect(() => buildGraph(['a', 'b'], [{ source: 'a', target: 'b', weight: Number.NaN }])).toThrow(RangeError);
  });

  it('stores link dates as day numbers, NaN when undated', () => {
    const graph = buildGraph(['a', 'b'], [{ source: 'a', target: 'b', date: '1970-01-11' }, { source: 'a', target: 'b' }]);
    expect(graph.links.day[0]).toBe(10);
    expect(graph.links.day[1]).toBeNaN();
  });

  it('withoutEdgesOf cuts every link of one person and nothing else', () => {
    const graph = buildGraph(['a', 'b', 'c'], [{ source: 'a', target: 'b' }, { source: 'b', target: 'c' }, { source: 'a', target: 'c' }]);
    const cut = withoutEdgesOf(graph, graph.indexOf.get('a')!);
    expect(byId(cut, degree(cut))).toEqual({ a: 0, b: 1, c: 1 });
    expect(cut.links.source.length).toBe(1);
    expect(byId(graph, degree(graph))).toEqual({ a: 2, b: 2, c: 2 });
  });
});
