import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../json';
import { aadOf, openBytes, sealBytes } from './aead';
import { randomBytes } from './random';

/**
 * Attachment bytes, sealed in chunks so a large file is written and read piece by piece (from a Blob
 * or a stream) and never has to be held whole twice. Each chunk is its own XChaCha20-Poly1305 seal,
 * whose associated data names the attachment's store key, the chunk's index and the number of chunks:
 * chunks swapped between attachments, reordered, dropped from the end or added all fail, as does a
 * flipped bit. Layout of a chunk: format byte (1) ‖ nonce ‖ ciphertext ‖ tag.
 *
 * Attachments are stored under a store key, not under the SHA-256 of their plain bytes: a plain hash
 * would tell someone with the disk which known file (a leaked document, a propaganda video) this
 * workstation holds. The content hash, needed to verify a bundle, belongs in the sealed record.
 */
export const ATTACHMENT_FORMAT = 1;
/** 64 KiB, as age's STREAM: small enough to stream, large enough that the 41-byte overhead is < 0.1 %. */
export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;

export class DamagedAttachmentError extends Error {
  constructor(
    readonly storeKey: string,
    readonly chunk: number,
    readonly reason: 'count' | 'format' | 'authentication',
  ) {
    super(`vault_damaged_attachment:${storeKey}:${chunk}:${reason}`);
    this.name = 'DamagedAttachmentError';
  }
}

/** A new store key: 16 random bytes in hex, unrelated to the content. */
export function newAttachmentStoreKey(): string {
  return bytesToHex(randomBytes(16));
}

/** How many chunks bytes of this size are sealed in; an empty attachment is one empty chunk, so "no chunks" is always damage. */
export function chunkCount(size: number, chunkBytes = ATTACHMENT_CHUNK_BYTES): number {
  return Math.max(1, Math.ceil(size / chunkBytes));
}

export function sealAttachmentChunk(key: Uint8Array, storeKey: string, index: number, count: number, plaintext: Uint8Array): Uint8Array {
  const sealed = sealBytes(key, plaintext, chunkAad(storeKey, index, count));
  const stored = new Uint8Array(1 + sealed.length);
  stored[0] = ATTACHMENT_FORMAT;
  stored.set(sealed, 1);
  return stored;
}

export function openAttachmentChunk(key: Uint8Array, storeKey: string, index: number, count: number, stored: Uint8Array): Uint8Array {
  if (!(stored instanceof Uint8Array) || stored[0] !== ATTACHMENT_FORMAT) throw new DamagedAttachmentError(storeKey, index, 'format');
  const plaintext = openBytes(key, stored.subarray(1), chunkAad(storeKey, index, count));
  if (!plaintext) throw new DamagedAttachmentError(storeKey, index, 'authentication');
  return plaintext;
}

/** Bytes in memory, sealed chunk by chunk. */
export function sealAttachment(key: Uint8Array, storeKey: string, content: Uint8Array, chunkBytes = ATTACHMENT_CHUNK_BYTES): Uint8Array[] {
  const count = chunkCount(content.length, chunkBytes);
  const chunks: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) {
    chunks.push(sealAttachmentChunk(key, storeKey, index, count, content.subarray(index * chunkBytes, (index + 1) * chunkBytes)));
  }
  return chunks;
}

/** All the chunks of an attachment, opened and joined; the count read is the count every chunk was sealed with. */
export function openAttachment(key: Uint8Array, storeKey: string, chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 0) throw new DamagedAttachmentError(storeKey, 0, 'count');
  const parts = chunks.map((chunk, index) => openAttachmentChunk(key, storeKey, index, chunks.length, chunk));
  const content = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    content.set(part, offset);
    offset += part.length;
  }
  return content;
}

function chunkAad(storeKey: string, index: number, count: number): Uint8Array {
  return aadOf(canonicalJson({ purpose: 'vigia.attachment-chunk', format: ATTACHMENT_FORMAT, storeKey, index, count }));
}
