import { hkdf } from '@noble/hashes/hkdf.js';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlnopad } from '@scure/base';
import { KEY_BYTES } from './aead';

/**
 * Blinded primary keys (docs/security.md, "Keys that would say something"). A few tables are keyed by
 * a value that means something to someone holding the disk: an attachment's SHA-256 (which known file
 * this workstation holds), a colleague's key fingerprint, an import specification's name. Stored, such
 * a key is replaced by HMAC-SHA256 under a key derived from the vault key, per table: still one value
 * per plain key, so lookups, replacement by key and de-duplication work as before, but nobody without
 * the vault key can compute it from a known file or fingerprint. Equality only: blinded keys have no
 * useful order.
 */

/** Every blinded key starts with this: a NUL, which no hash, fingerprint or typed name does. */
export const BLINDED_PREFIX = '\u0000b1:';

/** The key that blinds, derived from the vault key under its own label (nothing stored). */
export function keyBlindingKey(vaultKey: Uint8Array): Uint8Array {
  return hkdf(sha256, vaultKey, undefined, new TextEncoder().encode('vigia.key-blinding.v1'), KEY_BYTES);
}

/** The stored form of a plain key value of `table`: prefix ‖ base64url of the first 16 bytes of the HMAC. */
export function blindKey(blindingKey: Uint8Array, table: string, value: string): string {
  const mac = hmac(sha256, blindingKey, new TextEncoder().encode(`${table}\n${value}`));
  return BLINDED_PREFIX + base64urlnopad.encode(mac.subarray(0, 16));
}

export function isBlindedKey(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(BLINDED_PREFIX);
}
