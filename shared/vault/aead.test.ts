import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aadOf, NONCE_BYTES, openBytes, openBytesWith, SEAL_OVERHEAD, sealBytes } from './aead';
import { randomBytes } from './random';

describe('the AEAD is XChaCha20-Poly1305, laid out nonce ‖ ciphertext ‖ tag', () => {
  it('matches draft-irtf-cfrg-xchacha-03 section A.3.1, and openBytes reads that layout', () => {
    const key = hexToBytes('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
    const nonce = hexToBytes('404142434445464748494a4b4c4d4e4f5051525354555657');
    const aad = hexToBytes('50515253c0c1c2c3c4c5c6c7');
    const plaintext = new TextEncoder().encode(
      "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
    );
    const sealed = xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
    expect(bytesToHex(sealed.subarray(0, 32))).toBe('bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb');
    expect(bytesToHex(sealed.subarray(sealed.length - 16))).toBe('c0875924c1c7987947deafd8780acf49');
    const laidOut = new Uint8Array(NONCE_BYTES + sealed.length);
    laidOut.set(nonce);
    laidOut.set(sealed, NONCE_BYTES);
    expect(openBytes(key, laidOut, aad)).toEqual(plaintext);
  });
});

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

describe('sealBytes headroom and openBytesWith', () => {
  it('leaves the caller its header bytes, and opens after them', () => {
    const key = randomBytes(32);
    const aad = aadOf('with a header');
    const plaintext = new TextEncoder().encode('Youssef Ouali');
    const sealed = sealBytes(key, plaintext, aad, 3);
    expect(sealed).toHaveLength(3 + plaintext.length + SEAL_OVERHEAD);
    expect([...sealed.subarray(0, 3)]).toEqual([0, 0, 0]);
    sealed.set([7, 8, 9]);
    expect(openBytes(key, sealed.subarray(3), aad)).toEqual(plaintext);
    expect(openBytesWith(key, sealed, aad, (opened) => new TextDecoder().decode(opened), 3)).toBe('Youssef Ouali');
    expect(openBytesWith(key, sealed, aad, () => 'read', 2)).toBeNull();
    expect(openBytesWith(key, sealed.subarray(0, 3 + SEAL_OVERHEAD - 1), aad, () => 'read', 3)).toBeNull();
  });

  it('lends the plaintext only once it authenticates, and lets the reader’s own error through', () => {
    const key = randomBytes(32);
    const aad = aadOf('here');
    const sealed = sealBytes(key, new TextEncoder().encode('{"a":1}'), aad);
    let reads = 0;
    expect(
      openBytesWith(key, sealed, aadOf('there'), () => {
        reads += 1;
      }),
    ).toBeNull();
    expect(reads).toBe(0);
    expect(() =>
      openBytesWith(key, sealed, aad, () => {
        throw new SyntaxError('not what the reader expected');
      }),
    ).toThrow(SyntaxError);
  });

  it('gives openBytes callers their own copy', () => {
    const key = randomBytes(32);
    const aad = aadOf('copies');
    const first = openBytes(key, sealBytes(key, Uint8Array.of(1, 2, 3), aad), aad)!;
    const second = openBytes(key, sealBytes(key, Uint8Array.of(4, 5, 6), aad), aad)!;
    first[0] = 9;
    expect([...first]).toEqual([9, 2, 3]);
    expect([...second]).toEqual([4, 5, 6]);
  });
});
