import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { nonceBytes } from './random';

/**
 * The one AEAD of the vault: XChaCha20-Poly1305 from @noble/ciphers, synchronous (it runs inside
 * Dexie's writes, see docs/decisions.md). Its 24-byte nonce is drawn at random for every seal, which
 * is safe at any number of records we will ever write, so no counter has to survive restarts or be
 * shared between the page and workers. Layout: nonce (24) ‖ ciphertext ‖ tag (16).
 */
export const KEY_BYTES = 32;
export const NONCE_BYTES = 24;
export const TAG_BYTES = 16;
export const SEAL_OVERHEAD = NONCE_BYTES + TAG_BYTES;

/**
 * XChaCha20-Poly1305 (IETF) as the vault calls it: noble's by default; the renderer installs
 * libsodium's WebAssembly build once it has loaded (renderer/db/vault/vault-aead.ts), the same
 * algorithm byte for byte and some ten times faster per record (docs/security.md, "What sealing
 * costs"). `decrypt` throws when the tag does not verify.
 */
export interface XChaChaPoly {
  readonly name: string;
  encrypt(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array;
  decrypt(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array;
}

export const NOBLE_XCHACHA: XChaChaPoly = {
  name: 'noble',
  encrypt: (key, nonce, plaintext, aad) => xchacha20poly1305(key, nonce, aad).encrypt(plaintext),
  decrypt: (key, nonce, ciphertext, aad) => xchacha20poly1305(key, nonce, aad).decrypt(ciphertext),
};

let cipher: XChaChaPoly = NOBLE_XCHACHA;

/** Puts another implementation of the same cipher in place (checked against noble by its installer). */
export function useXChaChaPoly(implementation: XChaChaPoly): void {
  cipher = implementation;
}

export function xchachaPolyInUse(): string {
  return cipher.name;
}

export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  const nonce = nonceBytes(NONCE_BYTES);
  const ciphertext = cipher.encrypt(key, nonce, plaintext, aad);
  const sealed = new Uint8Array(NONCE_BYTES + ciphertext.length);
  sealed.set(nonce, 0);
  sealed.set(ciphertext, NONCE_BYTES);
  return sealed;
}

/**
 * The plaintext, or null when the bytes were not sealed by this key with this AAD (wrong key, one bit
 * changed, truncated, moved to another place): callers turn null into their own typed error, and no
 * unauthenticated byte is ever returned.
 */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
  if (!(sealed instanceof Uint8Array) || sealed.length < SEAL_OVERHEAD) return null;
  try {
    return cipher.decrypt(key, sealed.subarray(0, NONCE_BYTES), sealed.subarray(NONCE_BYTES), aad);
  } catch {
    return null;
  }
}

/** Associated data as bytes: UTF-8 of a canonical text the caller builds. */
export function aadOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
