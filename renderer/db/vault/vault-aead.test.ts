import { beforeAll, describe, expect, it } from 'vitest';
// Named for what it does here: the lint's hook rules read any `use…` call as a React hook.
import { NOBLE_XCHACHA, openBytes, openBytesWith, sealBytes, useXChaChaPoly as installCipher, xchachaPolyInUse, type XChaChaPoly } from '../../../shared/vault/aead';
import { vaultAeadReady } from './vault-aead';

/** libsodium's module memory, where the vault's cipher works (the wrappers keep the module as `libsodium`). */
async function sodiumMemory(): Promise<Uint8Array> {
  const { default: sodium } = await import('libsodium-wrappers');
  return (sodium as unknown as { libsodium: { HEAPU8: Uint8Array } }).libsodium.HEAPU8;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let start = haystack.indexOf(needle[0]!); start !== -1; start = haystack.indexOf(needle[0]!, start + 1)) {
    for (let i = 1; i < needle.length; i += 1) if (haystack[start + i] !== needle[i]) continue outer;
    return true;
  }
  return false;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Byte by byte without the matcher's deep equality, which takes seconds over megabytes. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

describe('the vault’s cipher from libsodium’s WebAssembly', () => {
  let sodium: XChaChaPoly;

  beforeAll(async () => {
    expect(xchachaPolyInUse()).toBe('noble');
    expect(await vaultAeadReady()).toBe('libsodium-wasm');
    // It takes over once it agrees with noble; kept, so that each test can choose which one seals.
    sodium = installCipher(NOBLE_XCHACHA);
    expect(sodium.name).toBe('libsodium-wasm');
  });

  it('opens what noble sealed and the other way round', () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const aad = utf8('vigia.record persons p-1');
    const text = utf8('{"primaryName":"Abu Ilyas al-Andalusi","notes":"أبو إلياس"}');
    installCipher(NOBLE_XCHACHA);
    const byNoble = sealBytes(key, text, aad);

    installCipher(sodium);
    expect(openBytes(key, byNoble, aad)).toEqual(text);
    const bySodium = sealBytes(key, text, aad);
    const flipped = bySodium.slice();
    flipped[30]! ^= 1;
    expect(openBytes(key, flipped, aad)).toBeNull();
    expect(openBytes(key, bySodium, utf8('vigia.record persons p-2'))).toBeNull();

    installCipher(NOBLE_XCHACHA);
    expect(openBytes(key, bySodium, aad)).toEqual(text);
  });

  it('agrees with noble at every size, as its memory grows (and moves) past the first records', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const memoryBefore = (await sodiumMemory()).length;
    // 5 MB in and out: more than the module's memory held at first, so it grows and HEAPU8 is replaced.
    for (const size of [0, 1, 300, 4096, 70_000, 5_000_000, 5]) {
      const text = new Uint8Array(size);
      for (let i = 0; i < size; i += 1) text[i] = (i * 31) & 255;
      const aad = utf8(`size ${size} `.repeat(1 + (size % 7)));
      installCipher(NOBLE_XCHACHA);
      const byNoble = sealBytes(key, text, aad, 1);
      installCipher(sodium);
      const bySodium = sealBytes(key, text, aad, 1);
      expect(openBytesWith(key, byNoble, aad, (opened) => sameBytes(opened, text), 1)).toBe(true);
      const flipped = bySodium.slice();
      flipped[flipped.length - 1]! ^= 0x80;
      expect(openBytesWith(key, flipped, aad, () => 'read', 1)).toBeNull();
      installCipher(NOBLE_XCHACHA);
      expect(openBytesWith(key, bySodium, aad, (opened) => sameBytes(opened, text), 1)).toBe(true);
    }
    expect((await sodiumMemory()).length).toBeGreaterThan(memoryBefore);
  });

  it('leaves no key and no plaintext in its memory once a record is sealed or opened', async () => {
    installCipher(sodium);
    const key = crypto.getRandomValues(new Uint8Array(32));
    const marker = utf8(`{"notes":"marca ${crypto.randomUUID()} ${'relleno '.repeat(120)}"}`);
    const aad = utf8('vigia.record notes n-1');
    const sealed = sealBytes(key, marker, aad);
    expect(openBytesWith(key, sealed, aad, (opened) => new TextDecoder().decode(opened))).toBe(new TextDecoder().decode(marker));
    const memory = await sodiumMemory();
    expect(contains(memory, key)).toBe(false);
    // Whole 64-byte blocks: libsodium's ChaCha20 copies a message's last, partial block to its own
    // stack, which it does not wipe; that is libsodium's, and the wrappers' path left it there too.
    expect(contains(memory, marker.subarray(0, 64))).toBe(false);
    expect(contains(memory, marker.subarray(512, 576))).toBe(false);
  });

  it('refuses a key of the wrong size as noble does, and lets a reader’s own error through', () => {
    installCipher(sodium);
    const key = crypto.getRandomValues(new Uint8Array(32));
    const aad = utf8('sizes');
    expect(() => sealBytes(key.subarray(0, 31), Uint8Array.of(1), aad)).toThrow();
    const sealed = sealBytes(key, Uint8Array.of(1, 2, 3), aad);
    expect(openBytes(key.subarray(0, 16), sealed, aad)).toBeNull();
    expect(() =>
      openBytesWith(key, sealed, aad, () => {
        throw new RangeError('the reader’s own');
      }),
    ).toThrow(RangeError);
    expect(openBytes(key, sealed, aad)).toEqual(Uint8Array.of(1, 2, 3));
  });
});
