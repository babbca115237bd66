import { describe, expect, it } from 'vitest';
import { NOBLE_XCHACHA, openBytes, sealBytes, useXChaChaPoly, xchachaPolyInUse } from '../../../shared/vault/aead';
import { vaultAeadReady } from './vault-aead';

describe('the vault’s cipher from libsodium’s WebAssembly', () => {
  it('takes over only once it agrees with noble, and opens what noble sealed and the other way round', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const aad = new TextEncoder().encode('vigia.record persons p-1');
    const text = new TextEncoder().encode('{"primaryName":"Abu Ilyas al-Andalusi","notes":"أبو إلياس"}');
    useXChaChaPoly(NOBLE_XCHACHA);
    const byNoble = sealBytes(key, text, aad);

    expect(await vaultAeadReady()).toBe('libsodium-wasm');
    expect(xchachaPolyInUse()).toBe('libsodium-wasm');
    expect(openBytes(key, byNoble, aad)).toEqual(text);
    const bySodium = sealBytes(key, text, aad);
    const flipped = bySodium.slice();
    flipped[30]! ^= 1;
    expect(openBytes(key, flipped, aad)).toBeNull();
    expect(openBytes(key, bySodium, new TextEncoder().encode('vigia.record persons p-2'))).toBeNull();

    useXChaChaPoly(NOBLE_XCHACHA);
    expect(openBytes(key, bySodium, aad)).toEqual(text);
  });
});
