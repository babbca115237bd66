import { ed25519 } from '@noble/curves/ed25519.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { base64 } from '@scure/base';

/**
 * Signing keys are Ed25519, written in minisign's public-key format so that the transfer-station
 * officer can check a bundle with `minisign -Vm manifest.json -P KEY`:
 * base64("Ed" ‖ key id (8 bytes) ‖ public key (32 bytes)).
 * The key id is not random as in minisign but the first 8 bytes of BLAKE2b-512(public key): the same
 * public key always gets the same id, so a key can be re-derived from its seed alone.
 */
export const SIGNING_ALGORITHM = new Uint8Array([0x45, 0x64]); // "Ed"
export const KEY_ID_BYTES = 8;

export interface SigningKeyPair {
  /** The 32-byte Ed25519 seed. */
  secretKey: Uint8Array;
  publicKey: Uint8Array;
  keyId: Uint8Array;
}

export function generateSigningKeyPair(): SigningKeyPair {
  return signingKeyPairFromSeed(ed25519.utils.randomSecretKey());
}

export function signingKeyPairFromSeed(seed: Uint8Array): SigningKeyPair {
  const publicKey = ed25519.getPublicKey(seed);
  return { secretKey: seed, publicKey, keyId: keyIdOf(publicKey) };
}

export function keyIdOf(publicKey: Uint8Array): Uint8Array {
  return blake2b(publicKey).slice(0, KEY_ID_BYTES);
}

/** The one-line public key that `minisign -P` takes. */
export function encodeMinisignPublicKey(publicKey: Uint8Array, keyId: Uint8Array = keyIdOf(publicKey)): string {
  const bytes = new Uint8Array(2 + KEY_ID_BYTES + 32);
  bytes.set(SIGNING_ALGORITHM, 0);
  bytes.set(keyId, 2);
  bytes.set(publicKey, 2 + KEY_ID_BYTES);
  return base64.encode(bytes);
}

export interface MinisignPublicKey {
  keyId: Uint8Array;
  publicKey: Uint8Array;
}

export function decodeMinisignPublicKey(encoded: string): MinisignPublicKey | undefined {
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(encoded.trim());
  } catch {
    return undefined;
  }
  if (bytes.length !== 2 + KEY_ID_BYTES + 32) return undefined;
  if (bytes[0] !== SIGNING_ALGORITHM[0] || bytes[1] !== SIGNING_ALGORITHM[1]) return undefined;
  return { keyId: bytes.slice(2, 2 + KEY_ID_BYTES), publicKey: bytes.slice(2 + KEY_ID_BYTES) };
}

/** minisign prints key ids as the little-endian 64-bit number in upper-case hex. */
export function keyIdHex(keyId: Uint8Array): string {
  return Array.from(keyId)
    .reverse()
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** The contents of a minisign `.pub` file, for `minisign -p FILE`. */
export function minisignPublicKeyFile(encoded: string): string {
  const key = decodeMinisignPublicKey(encoded);
  const id = key ? keyIdHex(key.keyId) : '';
  return `untrusted comment: minisign public key ${id}\n${encoded}\n`;
}
