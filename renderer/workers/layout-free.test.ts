import { describe, expect, it } from 'vitest';
import { computeFreeLayout } from './layout-free';

describe('computeFreeLayout (fcose, headless)', () => {
  // Two triangles joined by one link: a force layout keeps each triangle together.
  const nodes = ['a1', 'a2', 'a3', 'b1', 'b2', 'b3'];
  const edges: [string, string][] = [
    ['a1', 'a2'],
    ['a2', 'a3'],
    ['a3', 'a1'],
    ['b1', 'b2'],
    ['b2', 'b3'],
    ['b3', 'b1'],
    ['a1', 'b1'],
    ['a1', 'b1'],
    ['a1', 'ghost'],
  ];
  const positions = computeFreeLayout({ nodes, edges });
  const distance = (a: string, b: string) => Math.hypot(positions[a]!.x - positions[b]!.x, positions[a]!.y - positions[b]!.y);

  it('places every node, and only the nodes asked for', () => {
    expect(Object.keys(positions).sort()).toEqual([...nodes].sort());
    expect(Object.values(positions).every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
  });

  it('keeps linked people closer than people of the other group', () => {
    expect(distance('a2', 'a3')).toBeLessThan(distance('a2', 'b3'));
    expect(distance('b2', 'b3')).toBeLessThan(distance('b2', 'a3'));
  });
});
