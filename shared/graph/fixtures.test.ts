/**
 * Agreement with networkx on published networks. Expected values were computed once by
 * test/fixtures/graphs/make_expected.py (networkx 2.8.8) and committed; no Python runs here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  betweenness,
  buildGraph,
  closeness,
  connectedComponents,
  cutPoints,
  degree,
  eigenvectorCentrality,
  louvain,
  modularity,
  pageRank,
  weightedDegree,
  type CompactGraph,
} from './index';

interface Fixture {
  name: string;
  weighted: boolean;
  nodes: string[];
  edges: [string, string, number][];
  expected: {
    degree: Record<string, number>;
    weightedDegree: Record<string, number>;
    betweenness: Record<string, number>;
    closeness: Record<string, number>;
    pagerank: Record<string, number>;
    pagerankUnweighted: Record<string, number>;
    eigenvector: Record<string, number>;
    articulationPoints: string[];
    bridges: [string, string][];
    componentSizes: number[];
    louvainModularity: { min: number; max: number };
  };
}

const NAMES = ['karate', 'les-miserables', 'florentine', 'davis-women', 'karate-plus-florentine'];
const fixtures = NAMES.map(
  (name) =>
    JSON.parse(readFileSync(join(__dirname, '../../test/fixtures/graphs', `${name}.json`), 'utf8')) as Fixture,
);

function expectClose(graph: CompactGraph, actual: Float64Array, expected: Record<string, number>, digits = 1e-6) {
  expect(Object.keys(expected).length).toBe(graph.nodeCount);
  for (let v = 0; v < graph.nodeCount; v++) {
    const id = graph.ids[v]!;
    const want = expected[id]!;
    if (Math.abs(actual[v]! - want) > digits) {
      expect.fail(`${id}: got ${actual[v]}, networkx says ${want}`);
    }
  }
}

/** Same ranking: whenever networkx ranks a above b (beyond float noise, ties aside), so do we. */
function expectSameRanking(graph: CompactGraph, actual: Float64Array, expected: Record<string, number>) {
  for (let a = 0; a < graph.nodeCount; a++) {
    for (let b = 0; b < graph.nodeCount; b++) {
      const want = expected[graph.ids[a]!]! - expected[graph.ids[b]!]!;
      if (want > 1e-12 && !(actual[a]! > actual[b]!)) {
        expect.fail(`networkx ranks ${graph.ids[a]} above ${graph.ids[b]}, we do not`);
      }
    }
  }
}

describe.each(fixtures)('$name agrees with networkx', (fixture) => {
  const graph = buildGraph(
    fixture.nodes,
    fixture.edges.map(([source, target, weight]) => ({ source, target, weight })),
  );
  const { expected } = fixture;

  it('degree and weighted degree', () => {
    expectClose(graph, degree(graph), expected.degree, 0);
    expectClose(graph, weightedDegree(graph), expected.weightedDegree, 1e-9);
  });

  it('exact betweenness (normalised)', () => {
    const result = betweenness(graph);
    expect(result.exact).toBe(true);
    expectClose(graph, result.values, expected.betweenness);
  });

  it('closeness with the Wasserman–Faust correction', () => {
    expectClose(graph, closeness(graph), expected.closeness);
  });

  it('PageRank values and ranking, weighted and unweighted', () => {
    for (const [weighted, want] of [
      [true, expected.pagerank],
      [false, expected.pagerankUnweighted],
    ] as const) {
      const result = pageRank(graph, { weighted });
      expect(result.converged).toBe(true);
      expectClose(graph, result.values, want);
      expectSameRanking(graph, result.values, want);
    }
  });

  it('eigenvector centrality', () => {
    const result = eigenvectorCentrality(graph);
    expect(result.converged).toBe(true);
    expectClose(graph, result.values, expected.eigenvector);
  });

  it('articulation points, bridges and components, exactly', () => {
    const cuts = cutPoints(graph);
    expect(cuts.articulationPoints.map((v) => graph.ids[v]!).sort()).toEqual(expected.articulationPoints);
    const bridges = cuts.bridges.map(([a, b]) => [graph.ids[a]!, graph.ids[b]!].sort()).sort();
    expect(bridges).toEqual(expected.bridges);
    expect(connectedComponents(graph).sizes).toEqual(expected.componentSizes);
  });

  // Louvain partitions depend on the visiting order, so they differ from networkx's; the
  // modularity reached must be as good as networkx's worst of 10 seeds, less a small margin.
  it('Louvain reaches networkx-level modularity', () => {
    for (const seed of [1, 2, 3]) {
      const result = louvain(graph, { seed });
      expect(result.modularity).toBeCloseTo(modularity(graph, result.community), 12);
      expect(result.modularity).toBeGreaterThan(expected.louvainModularity.min - 0.01);
      expect(result.modularity).toBeLessThan(expected.louvainModularity.max + 0.02);
    }
  });
});
