import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aadOf, NONCE_BYTES, openBytes, SEAL_OVERHEAD, sealBytes } from './aead';
import { randomBytes } from './random';

describe('sealBytes / openBytes', () => {
  it('round-trips, with a fresh nonce every time', () => {
    const key = randomBytes(32);
    const aad = aadOf('where these bytes belong');
    const plaintext = new TextEncoder().encode('Ahmed, alias Abu Ilyas');
    const a = sealBytes(key, plaintext, aad);
    const b = sealBytes(key, plaintext, aad);
    expect(a).toHaveLength(plaintext.length + SEAL_OVERHEAD);
    expect(a.subarray(0, NONCE_BYTES)).not.toEqual(b.subarray(0, NONCE_BYTES));
    expect(openBytes(key, a, aad)).toEqual(plaintext);
    expect(openBytes(key, b, aad)).toEqual(plaintext);
  });

  it('returns null, never bytes, for another key, another AAD, a flipped bit or a truncation', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.nat(), (plaintext, where) => {
        const key = randomBytes(32);
        const aad = aadOf('here');
        const sealed = sealBytes(key, plaintext, aad);
        expect(openBytes(randomBytes(32), sealed, aad)).toBeNull();
        expect(openBytes(key, sealed, aadOf('there'))).toBeNull();
        const flipped = sealed.slice();
        const bit = where % (sealed.length * 8);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        expect(openBytes(key, flipped, aad)).toBeNull();
        expect(openBytes(key, sealed.subarray(0, where % sealed.length), aad)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
