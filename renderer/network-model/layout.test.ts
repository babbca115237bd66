import { describe, expect, it } from 'vitest';
import { blockSide, gridCells, INMATE_SPACING, packPrisons } from './layout';

describe('packPrisons', () => {
  const blocks = [
    { id: 'a', memberIds: ['a1', 'a2', 'a3', 'a4', 'a5'] },
    { id: 'b', memberIds: ['b1'] },
    { id: 'c', memberIds: [] },
    { id: 'd', memberIds: ['d1', 'd2'] },
  ];

  it('places every inmate once and no two on the same spot', () => {
    const { inmates, prisons } = packPrisons(blocks);
    expect([...inmates.keys()].sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'd1', 'd2']);
    expect(prisons.size).toBe(4);
    const spots = new Set([...inmates.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(inmates.size);
  });

  it('keeps the inmates of different prisons in separate, non-overlapping boxes', () => {
    const { inmates } = packPrisons(blocks);
    const box = (prefix: string) => {
      const points = [...inmates].filter(([id]) => id.startsWith(prefix)).map(([, p]) => p);
      return {
        minX: Math.min(...points.map((p) => p.x)),
        maxX: Math.max(...points.map((p) => p.x)),
        minY: Math.min(...points.map((p) => p.y)),
        maxY: Math.max(...points.map((p) => p.y)),
      };
    };
    const a = box('a');
    const d = box('d');
    const apart = a.maxX < d.minX || d.maxX < a.minX || a.maxY < d.minY || d.maxY < a.minY;
    expect(apart).toBe(true);
  });

  it('puts the first inmate (the leader) at the centre of the prison and keeps neighbours apart', () => {
    const ids = Array.from({ length: 25 }, (_, i) => `m${i}`);
    const { inmates, prisons } = packPrisons([{ id: 'p', memberIds: ids }]);
    const centre = prisons.get('p')!;
    const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
    const first = inmates.get('m0')!;
    expect(ids.every((id) => distance(inmates.get(id)!, centre) >= distance(first, centre))).toBe(true);
    const points = ids.map((id) => inmates.get(id)!);
    const nearest = points.map((p, i) => Math.min(...points.filter((_, j) => j !== i).map((q) => distance(p, q))));
    expect(Math.min(...nearest)).toBeGreaterThan(INMATE_SPACING * 0.6);
    expect(points.every((p) => Math.abs(p.x - centre.x) <= blockSide(25) / 2 && Math.abs(p.y - centre.y) <= blockSide(25) / 2)).toBe(true);
  });

  it('gives the same picture for the same input', () => {
    expect([...packPrisons(blocks).inmates]).toEqual([...packPrisons(blocks).inmates]);
  });
});

describe('gridCells', () => {
  const cells = [
    { width: 100, height: 40 },
    { width: 30, height: 90 },
    { width: 60, height: 20 },
    { width: 10, height: 10 },
    { width: 200, height: 50 },
  ];

  it('makes each column as wide and each row as tall as its largest cell, a gap apart', () => {
    const placed = gridCells(cells, 2, 10);
    expect(placed.map((c) => [c.left, c.top, c.width, c.height])).toEqual([
      [0, 0, 200, 90],
      [210, 0, 30, 90],
      [0, 100, 200, 20],
      [210, 100, 30, 20],
      [0, 130, 200, 50],
    ]);
  });

  it('shifts odd rows by half a column when laid as bricks, and no two cells overlap', () => {
    const placed = gridCells(cells, 2, 10, true);
    expect(placed[2]!.left).toBe(105);
    expect(placed[4]!.left).toBe(0);
    const overlap = (a: (typeof placed)[number], b: (typeof placed)[number]) =>
      a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
    placed.forEach((a, i) => placed.slice(i + 1).forEach((b) => expect(overlap(a, b)).toBe(false)));
  });
});
