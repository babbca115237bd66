import { describe, expect, it } from 'vitest';
import { randomBytes } from './random';

describe('randomBytes', () => {
  it('fills any length, beyond the 64 KiB a single getRandomValues call allows', () => {
    const bytes = randomBytes(200_000);
    expect(bytes).toHaveLength(200_000);
    // The piece past the first 64 KiB is filled too: 10,000 random bytes are all zero with odds of 2^-80,000.
    expect(bytes.subarray(190_000).some((byte) => byte !== 0)).toBe(true);
    expect(randomBytes(0)).toHaveLength(0);
  });
});
