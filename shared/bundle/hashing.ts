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

/**
 * A platform's one-shot SHA-256 of bytes in memory: WebCrypto's `digest`, native and, in browsers and
 * Node, computed off the calling thread. The bundle worker injects it because hash-wasm's incremental
 * SHA-256 runs at about 250 MiB/s there, a quarter of what the native digest does. Writing, it hashes
 * the record files (in memory anyway); reading, those and every attachment up to
 * WHOLE_DIGEST_MAX_BYTES, read whole from the stage. Larger attachments, and every attachment while
 * writing (holding each to digest it doubled the export's garbage collection), stream through the
 * incremental hasher, so memory stays bounded.
 */
export type Sha256Whole = (bytes: Uint8Array) => Promise<Uint8Array>;

/** The largest attachment held whole to be hashed in one call (memory holds one at a time). */
export const WHOLE_DIGEST_MAX_BYTES = 16 * 1024 * 1024;

/** How an export or an import hashes: the incremental hasher, and a one-shot digest if the platform has one. */
export interface Sha256Hashing {
  sha256?: Sha256Factory;
  sha256Whole?: Sha256Whole;
}

/** Hex SHA-256 of bytes in memory, with the one-shot digest when there is one. */
export async function sha256HexOf(bytes: Uint8Array, { sha256 = nobleSha256, sha256Whole }: Sha256Hashing): Promise<string> {
  return sha256Whole ? bytesToHex(await sha256Whole(bytes)) : sha256Hex(bytes, sha256);
}

export function sha256Hex(bytes: Uint8Array, factory: Sha256Factory = nobleSha256): string {
  const hasher = factory();
  hasher.update(bytes);
  return bytesToHex(hasher.digest());
}
