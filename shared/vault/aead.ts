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
 * costs").
 *
 * Shaped so that a record costs no copy it does not need: the ciphertext is written where the caller
 * keeps it, and the plaintext is only lent. A record is some 300 bytes: opening the 10,000-person
 * demo case (106,069 records), the copies and the garbage they left cost as much as the cipher.
 */
export interface XChaChaPoly {
  readonly name: string;
  /** Writes ciphertext ‖ tag into `output`, which is exactly plaintext.length + TAG_BYTES long. */
  encryptInto(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, output: Uint8Array): void;
  /**
   * Opens `sealed`, which holds the nonce at `nonceAt` and ciphertext ‖ tag after it to its end (the
   * bytes before are the caller's), lends the plaintext to `read` and returns what `read` returns.
   * Given whole rather than as nonce and ciphertext: two views fewer for each of 100,000 records.
   * The plaintext is memory the implementation wipes (and may reuse) once `read` returns, so `read`
   * decodes or copies it and keeps no reference (nor seals or opens anything itself). Throws,
   * without calling `read`, when the tag does not verify.
   */
  decryptWith<T>(key: Uint8Array, sealed: Uint8Array, nonceAt: number, aad: Uint8Array, read: (plaintext: Uint8Array) => T): T;
}

export const NOBLE_XCHACHA: XChaChaPoly = {
  name: 'noble',
  encryptInto: (key, nonce, plaintext, aad, output) => {
    xchacha20poly1305(key, nonce, aad).encrypt(plaintext, output);
  },
  decryptWith: (key, sealed, nonceAt, aad, read) => {
    const cipherAt = nonceAt + NONCE_BYTES;
    const plaintext = xchacha20poly1305(key, sealed.subarray(nonceAt, cipherAt), aad).decrypt(sealed.subarray(cipherAt));
    try {
      return read(plaintext);
    } finally {
      // Lent, not given: whoever needs the bytes has copied them (openBytes), and no other copy stays.
      plaintext.fill(0);
    }
  },
};

let cipher: XChaChaPoly = NOBLE_XCHACHA;

/** Puts another implementation of the same cipher in place (checked against noble by its installer); returns the one it replaces. */
export function useXChaChaPoly(implementation: XChaChaPoly): XChaChaPoly {
  const replaced = cipher;
  cipher = implementation;
  return replaced;
}

export function xchachaPolyInUse(): string {
  return cipher.name;
}

/**
 * nonce ‖ ciphertext ‖ tag, after `headroom` bytes left for the caller (a format byte): one array
 * from the start, rather than sealed here and copied again behind the caller's header.
 */
export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad: Uint8Array, headroom = 0): Uint8Array {
  const sealed = new Uint8Array(headroom + SEAL_OVERHEAD + plaintext.length);
  const nonce = nonceBytes(NONCE_BYTES);
  sealed.set(nonce, headroom);
  cipher.encryptInto(key, nonce, plaintext, aad, sealed.subarray(headroom + NONCE_BYTES));
  return sealed;
}

/**
 * The plaintext, or null when the bytes were not sealed by this key with this AAD (wrong key, one bit
 * changed, truncated, moved to another place): callers turn null into their own typed error, and no
 * unauthenticated byte is ever returned. The plaintext is the caller's own copy.
 */
export function openBytes(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array): Uint8Array | null {
  return openBytesWith(key, sealed, aad, copyOf);
}

/**
 * As openBytes, but the plaintext is only lent to `read` (see XChaChaPoly.decryptWith), which decodes
 * it where the cipher left it: what a record's opening needs, since it only ever turns the bytes into
 * text. The sealed bytes start after `headroom` bytes of the caller's (as sealBytes leaves them). Null
 * when the bytes do not authenticate; an error thrown by `read` is the caller's.
 */
export function openBytesWith<T>(key: Uint8Array, sealed: Uint8Array, aad: Uint8Array, read: (plaintext: Uint8Array) => T, headroom = 0): T | null {
  if (!(sealed instanceof Uint8Array) || sealed.length < headroom + SEAL_OVERHEAD) return null;
  let authentic = false;
  try {
    return cipher.decryptWith(key, sealed, headroom, aad, (plaintext) => {
      authentic = true;
      return read(plaintext);
    });
  } catch (error) {
    if (authentic) throw error;
    return null;
  }
}

/** Associated data as bytes: UTF-8 of a canonical text the caller builds. */
export function aadOf(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

const copyOf = (bytes: Uint8Array): Uint8Array => bytes.slice();
