import { describe, expect, it } from 'vitest';
import { createRandom, sample } from './random';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('keeps int within its bounds and reaches both ends', () => {
    const random = createRandom(1);
    const seen = new Set<number>();
    for (let k = 0; k < 2000; k += 1) seen.add(random.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('samples distinct values of the range', () => {
    const picked = sample(createRandom(9), 100, 30);
    expect(new Set(picked).size).toBe(30);
    expect(Array.from(picked).every((v) => v >= 0 && v < 100)).toBe(true);
    expect(Array.from(sample(createRandom(9), 5, 10)).sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
