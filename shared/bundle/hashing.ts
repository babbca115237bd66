import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/**
 * SHA-256 of entries, incremental. @noble/hashes runs everywhere (about 100 MiB/s here); the desktop
 * app and the CLI inject Node's native hash (over 1 GiB/s), which halves the per-byte cost of
 * export and import next to typage's ChaCha20.
 */
export interface Sha256Hasher {
  update(bytes: Uint8Array): unknown;
  digest(): Uint8Array;
}
export type Sha256Factory = () => Sha256Hasher;

export const nobleSha256: Sha256Factory = () => sha256.create();

export function sha256Hex(bytes: Uint8Array, factory: Sha256Factory = nobleSha256): string {
  const hasher = factory();
  hasher.update(bytes);
  return bytesToHex(hasher.digest());
}
