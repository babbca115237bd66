import { describe, expect, it } from 'vitest';
import { louvain, modularity } from './louvain';
import { network } from './test-support';

const clique = (p: string) =>
  ['1', '2', '3', '4', '5'].flatMap((a, i) => ['1', '2', '3', '4', '5'].slice(i + 1).map((b) => `${p}${a}-${p}${b}`));

describe('louvain', () => {
  const twoCliques = network([...clique('a'), ...clique('b'), 'a1-b1'].join(' '));

  it('finds two five-person cliques joined by one link, with modularity 2 × (10/21 − (21/42)²)', () => {
    const result = louvain(twoCliques, { seed: 3 });
    expect(result.communityCount).toBe(2);
    const groups = new Map<number, string[]>();
    twoCliques.ids.forEach((id, v) => groups.set(result.community[v]!, [...(groups.get(result.community[v]!) ?? []), id]));
    expect([...groups.values()].map((g) => g.map((id) => id[0]).join(''))).toEqual(['aaaaa', 'bbbbb']);
    expect(result.modularity).toBeCloseTo(2 * (10 / 21 - 0.25), 12);
    expect(modularity(twoCliques, result.community)).toBeCloseTo(result.modularity, 12);
  });

  it('is deterministic for a seed', () => {
    const graph = network('a-b b-c c-a c-d d-e e-f f-d f-g g-h h-i i-g a-i');
    const first = louvain(graph, { seed: 42 });
    expect([...louvain(graph, { seed: 42 }).community]).toEqual([...first.community]);
  });

  it('leaves a network without links as one community per person', () => {
    const graph = network('', ['a', 'b', 'c']);
    const result = louvain(graph);
    expect(result.communityCount).toBe(3);
    expect(result.modularity).toBe(0);
  });
});
