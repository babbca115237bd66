import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from './random';

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

export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = xchacha20poly1305(key, nonce, aad).encrypt(plaintext);
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
    return xchacha20poly1305(key, sealed.subarray(0, NONCE_BYTES), aad).decrypt(sealed.subarray(NONCE_BYTES));
  } catch {
    return null;
  }
}

/** Associated data as bytes: UTF-8 of a canonical text the caller builds. */
export function aadOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
