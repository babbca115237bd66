import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLanes } from './virtual-window';

describe('visibleLanes', () => {
  it.each([
    [[10_000, 28, 0, 560, 4], { start: 0, end: 24 }],
    [[10_000, 28, 28 * 5000, 560, 4], { start: 4996, end: 5024 }],
    [[10_000, 28, 28 * 10_000, 560, 4], { start: 9996, end: 10_000 }],
    [[10_000, 28, 28 * 9990 + 14, 560, 4], { start: 9986, end: 10_000 }],
    [[0, 28, 0, 560, 4], { start: 0, end: 0 }],
    [[50, 0, 0, 560, 4], { start: 0, end: 0 }],
    [[50, 28, -300, 560, 4], { start: 0, end: 24 }],
    [[50, 28, Number.NaN, Number.NaN, Number.NaN], { start: 0, end: 0 }],
  ] satisfies [[number, number, number, number, number], object][])('visibleLanes(%j) is %j', (args, expected) => {
    expect(visibleLanes(...args)).toEqual(expected);
  });

  it('stays inside the list, covers every lane in view, and renders no more than a screenful and the overscan', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: -1000, max: 2_000_000, noNaN: true }),
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 0, max: 20 }),
        (count, height, scrollTop, viewport, overscan) => {
          const { start, end } = visibleLanes(count, height, scrollTop, viewport, overscan);
          expect(0 <= start && start <= end && end <= count).toBe(true);
          expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / height) + 1 + 2 * overscan);
          const top = Math.max(0, scrollTop);
          for (let lane = Math.floor(top / height); lane * height < top + viewport && lane < count; lane++) {
            expect(lane >= start && lane < end).toBe(true);
          }
        },
      ),
    );
  });
});
