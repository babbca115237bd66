import { chacha20poly1305 as noble } from '@noble/ciphers/chacha.js';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { chacha20poly1305 as nodeCrypto } from '../../electron/crypto/node-aead';
import { chacha20poly1305 as libsodiumWasm, wasmAeadReady, wasmAeadStatus } from '../../renderer/workers/wasm-aead';

/**
 * Differential tests: each faster ChaCha20-Poly1305 that typage may be given must behave exactly
 * like @noble/ciphers' — same bytes out, same refusals — on random keys, nonces, plaintexts and AAD,
 * including plaintexts around age's 64 KiB STREAM chunk.
 */
type Aead = typeof noble;
const CHUNK = 64 * 1024;

/** Plaintexts: mostly small, some around and across one STREAM chunk (filled from a seed, so cheap). */
const plaintext = fc.oneof(
  fc.uint8Array({ maxLength: 300 }),
  fc.record({ size: fc.integer({ min: CHUNK - 20, max: 2 * CHUNK + 20 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }).map(({ size, seed }) => {
    const bytes = new Uint8Array(size);
    let x = seed;
    for (let i = 0; i < size; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      bytes[i] = x & 0xff;
    }
    return bytes;
  }),
);
const key = fc.uint8Array({ minLength: 32, maxLength: 32 });
const nonce = fc.uint8Array({ minLength: 12, maxLength: 12 });
const aad = fc.option(fc.uint8Array({ maxLength: 64 }), { nil: undefined });

/** Byte equality without vitest's element-by-element diff (plaintexts reach 128 KiB). */
function same(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.compare(a, b) === 0;
}

/** What a call does: its bytes, or that it threw. */
function outcome(run: () => Uint8Array): Uint8Array | 'threw' {
  try {
    return run();
  } catch {
    return 'threw';
  }
}

function differential(name: string, fast: Aead): void {
  describe(`${name} against @noble/ciphers`, () => {
    it('encrypts to the same ciphertext and tag, and opens noble’s ciphertext to the same plaintext', () => {
      fc.assert(
        fc.property(key, nonce, aad, plaintext, (k, n, a, p) => {
          const expected = noble(k, n, a).encrypt(p);
          const sealed = fast(k, n, a).encrypt(p);
          expect(sealed).toBeInstanceOf(Uint8Array);
          expect(same(sealed, expected)).toBe(true);
          expect(same(fast(k, n, a).decrypt(expected), p)).toBe(true);
          const into = new Uint8Array(p.length + 16);
          expect(fast(k, n, a).encrypt(p, into)).toBe(into);
          expect(same(into, expected)).toBe(true);
        }),
        { numRuns: 60 },
      );
    }, 60_000);

    it('refuses a flipped bit, a truncated tag, a wrong key, nonce or AAD, exactly when noble does', () => {
      fc.assert(
        fc.property(key, nonce, aad, plaintext, fc.nat(), fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 20 }), (k, n, a, p, at, bit, cut) => {
          const sealed = noble(k, n, a).encrypt(p);
          const flipped = sealed.slice();
          flipped[at % flipped.length]! ^= 1 << bit;
          const truncated = sealed.subarray(0, Math.max(0, sealed.length - cut));
          const otherKey = k.slice();
          otherKey[at % 32]! ^= 1;
          const otherNonce = n.slice();
          otherNonce[at % 12]! ^= 1;
          const otherAad = a && a.length > 0 ? undefined : new Uint8Array([at & 0xff]);
          const cases: Array<[Uint8Array, Uint8Array, Uint8Array | undefined, Uint8Array]> = [
            [k, n, a, flipped],
            [k, n, a, truncated],
            [otherKey, n, a, sealed],
            [k, otherNonce, a, sealed],
            [k, n, otherAad, sealed],
          ];
          for (const [ck, cn, ca, ct] of cases) {
            expect(outcome(() => fast(ck, cn, ca).decrypt(ct))).toBe('threw');
            expect(outcome(() => noble(ck, cn, ca).decrypt(ct))).toBe('threw');
          }
        }),
        { numRuns: 60 },
      );
    }, 60_000);

    it('refuses bad arguments as noble does: key and nonce lengths, a second encrypt, a wrong output size', () => {
      const k = new Uint8Array(32);
      const n = new Uint8Array(12);
      const p = new Uint8Array(10);
      const both = (run: (aead: Aead) => Uint8Array) => [outcome(() => run(fast)), outcome(() => run(noble))];
      for (const length of [0, 16, 31, 33]) expect(both((aead) => aead(new Uint8Array(length), n).encrypt(p))).toEqual(['threw', 'threw']);
      for (const length of [0, 8, 11, 13, 24]) expect(both((aead) => aead(k, new Uint8Array(length)).encrypt(p))).toEqual(['threw', 'threw']);
      expect(
        both((aead) => {
          const cipher = aead(k, n);
          cipher.encrypt(p);
          return cipher.encrypt(p);
        }),
      ).toEqual(['threw', 'threw']);
      expect(both((aead) => aead(k, n).encrypt(p, new Uint8Array(p.length + 15)))).toEqual(['threw', 'threw']);
      expect(both((aead) => aead(k, n).decrypt(new Uint8Array(15)))).toEqual(['threw', 'threw']);
      expect([fast.nonceLength, fast.tagLength, fast.blockSize]).toEqual([noble.nonceLength, noble.tagLength, noble.blockSize]);
    });
  });
}

differential('node:crypto (OpenSSL)', nodeCrypto);

describe('libsodium WASM', () => {
  beforeAll(async () => {
    expect(await wasmAeadReady()).toBe('libsodium-wasm');
  });
  it('is in use once loaded', () => {
    const before = wasmAeadStatus().ciphersMade;
    libsodiumWasm(new Uint8Array(32), new Uint8Array(12)).encrypt(new Uint8Array(1));
    expect(wasmAeadStatus()).toEqual({ implementation: 'libsodium-wasm', ciphersMade: before + 1 });
  });
  differential('libsodium WASM', libsodiumWasm);
});
