import { chacha20poly1305 as noble } from '@noble/ciphers/chacha.js';
import { Decrypter, Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wasmAeadReady, wasmAeadStatus } from './wasm-aead';

/**
 * The renderer project builds age-encryption the way the app does (vitest.config.ts: the redirect
 * plugin, age-encryption inlined), so these tests see what the bundle worker sees.
 */
function seeded(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
  return bytes;
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

describe('typage in the renderer build', () => {
  it('encrypts and decrypts through libsodium once the worker has loaded it', async () => {
    expect(await wasmAeadReady()).toBe('libsodium-wasm');
    const before = wasmAeadStatus().ciphersMade;
    const identity = await generateIdentity();
    const encrypter = new Encrypter();
    encrypter.addRecipient(await identityToRecipient(identity));
    const plaintext = seeded(3 * 64 * 1024 + 100);
    const file = await encrypter.encrypt(plaintext);
    // One cipher per STREAM chunk (four) and one for the file key's stanza.
    expect(wasmAeadStatus().ciphersMade - before).toBe(5);
    const decrypter = new Decrypter();
    decrypter.addIdentity(identity);
    expect(await readAll(await decrypter.decrypt(new Blob([file as BlobPart]).stream()))).toEqual(plaintext);
    expect(wasmAeadStatus().ciphersMade - before).toBe(10);
  });
});

describe('when the WebAssembly cannot load', () => {
  afterEach(() => {
    vi.doUnmock('libsodium-wrappers');
    vi.resetModules();
  });

  it('stays on noble, with the same bytes', async () => {
    vi.resetModules();
    // What a CSP without 'wasm-unsafe-eval' does: compiling the module fails.
    vi.doMock('libsodium-wrappers', () => ({ default: { ready: Promise.reject(new Error('CompileError: WebAssembly.instantiate() blocked by CSP')) } }));
    const fresh = await import('./wasm-aead');
    expect(await fresh.wasmAeadReady()).toBe('noble');
    const key = seeded(32);
    const nonce = seeded(12);
    const plaintext = seeded(1000);
    expect(fresh.chacha20poly1305(key, nonce).encrypt(plaintext)).toEqual(noble(key, nonce).encrypt(plaintext));
    expect(fresh.wasmAeadStatus()).toEqual({ implementation: 'noble', ciphersMade: 0 });
  });
});
