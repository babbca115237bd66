import { describe, expect, it } from 'vitest';
import { NumberSet } from './number-set';

describe('NumberSet', () => {
  it('adds each key once, large keys included, and keeps them when it grows', () => {
    const set = new NumberSet(2);
    const keys = [0, 1, 2 ** 31, 2 ** 31 + 1, 9 * 100_000 * 100_000 - 1, 123_456_789_012];
    expect(keys.map((k) => set.add(k))).toEqual(keys.map(() => true));
    expect(keys.map((k) => set.add(k))).toEqual(keys.map(() => false));
    for (let k = 0; k < 1000; k += 1) set.add(k * 4_294_967_296);
    expect(set.size).toBe(keys.length + 999);
    expect(set.add(2 ** 31 + 1)).toBe(false);
  });
});
