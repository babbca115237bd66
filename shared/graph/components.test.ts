import { describe, expect, it } from 'vitest';
import { connectedComponents, fragmentation } from './components';
import { network } from './test-support';

describe('connectedComponents', () => {
  it('numbers components from the largest down and counts unlinked people as their own', () => {
    const graph = network('x-y a-b b-c', ['z']);
    const { component, sizes } = connectedComponents(graph);
    expect(sizes).toEqual([3, 2, 1]);
    const of = (id: string) => component[graph.indexOf.get(id)!];
    expect([of('a'), of('c'), of('x'), of('z')]).toEqual([0, 0, 1, 2]);
  });
});

describe('fragmentation', () => {
  it('is 0 when everyone reaches everyone, 1 when nobody reaches anybody', () => {
    expect(fragmentation([5])).toBe(0);
    expect(fragmentation([1, 1, 1])).toBe(1);
  });

  it('is 1 − Σ s(s−1) / n(n−1)', () => {
    expect(fragmentation([3, 2, 1])).toBeCloseTo(1 - 8 / 30, 12);
  });
});
