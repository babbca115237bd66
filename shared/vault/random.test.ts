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

describe('nonceBytes', () => {
  it('never hands out the same bytes twice, across refills of its pool', async () => {
    const { nonceBytes } = await import('./random');
    const seen = new Set<string>();
    // 2,000 nonces of 24 bytes: about twelve refills of the 4 KiB pool.
    for (let i = 0; i < 2_000; i++) seen.add(Buffer.from(nonceBytes(24)).toString('hex'));
    expect(seen.size).toBe(2_000);
    expect(nonceBytes(5_000)).toHaveLength(5_000);
  });
});
