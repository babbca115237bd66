import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../json';
import { aadOf, openBytesWith, SEAL_OVERHEAD, sealBytes } from './aead';
import { randomBytes } from './random';
import { paddedLength } from './record-cipher';

/**
 * Attachment bytes, sealed in chunks so a large file is written and read piece by piece (from a Blob
 * or a stream). Each chunk is its own XChaCha20-Poly1305 seal, whose associated data names the
 * attachment's store key, the chunk's index and the number of chunks: chunks swapped between
 * attachments, reordered, dropped from the end or added all fail, as does a flipped bit. Layout of a
 * chunk: format byte (1) ‖ nonce ‖ ciphertext ‖ tag.
 *
 * Two layouts are read (docs/security.md, "Attachments"); new attachments are always sealed in the last:
 * - format 1: the content as it is, so the chunks' length on disk told its exact size. Attachments
 *   sealed so stay so: their chunks are never rewritten.
 * - format 2: the content followed by zero bytes up to its bucket, `paddedLength(size)` (the padding
 *   of records, PADMÉ), then cut into chunks: the padding lies in the last chunk, or the last few of
 *   a large file, and the length on disk tells the bucket only. The associated data also binds the
 *   content's size, so the chunks alone say where the content ends.
 *
 * The store key is what the chunks are bound to, never written on disk (blob-cipher.ts uses the
 * content's hash, whose row key is stored blinded).
 */
export const ATTACHMENT_FORMAT = 2;
/** The first layout, unpadded: still opened, never written. */
export const UNPADDED_ATTACHMENT_FORMAT = 1;
/** 64 KiB, as age's STREAM: small enough to stream, large enough that the 41-byte overhead is < 0.1 %. */
export const ATTACHMENT_CHUNK_BYTES = 64 * 1024;
/** What sealing adds to each chunk: format byte, nonce and tag. */
export const CHUNK_OVERHEAD = 1 + SEAL_OVERHEAD;

/** How an attachment's chunks were sealed, as its (sealed) row says: the format, and the content's size. */
export interface AttachmentSealing {
  readonly format: number;
  readonly size: number;
}

export class DamagedAttachmentError extends Error {
  constructor(
    readonly storeKey: string,
    readonly chunk: number,
    /** 'padding': authentic bytes whose padding is not zeros, which only a writer with the key could make. */
    readonly reason: 'count' | 'format' | 'authentication' | 'padding',
  ) {
    super(`vault_damaged_attachment:${storeKey}:${chunk}:${reason}`);
    this.name = 'DamagedAttachmentError';
  }
}

/** A new store key: 16 random bytes in hex, unrelated to the content. */
export function newAttachmentStoreKey(): string {
  return bytesToHex(randomBytes(16));
}

/** How many chunks bytes of this length are sealed in; none is one empty chunk, so "no chunks" is always damage. */
export function chunkCount(length: number, chunkBytes = ATTACHMENT_CHUNK_BYTES): number {
  return Math.max(1, Math.ceil(length / chunkBytes));
}

/** How many bytes content of `size` is sealed as: its bucket in format 2, itself in format 1. */
export function sealedContentLength(sealing: AttachmentSealing): number {
  return sealing.format === UNPADDED_ATTACHMENT_FORMAT ? sealing.size : paddedLength(sealing.size);
}

/** Bytes in memory, padded to their bucket and sealed chunk by chunk (format 2). */
export function sealAttachment(key: Uint8Array, storeKey: string, content: Uint8Array, chunkBytes = ATTACHMENT_CHUNK_BYTES): Uint8Array[] {
  const sealing = { format: ATTACHMENT_FORMAT, size: content.length };
  const padded = sealedContentLength(sealing);
  const count = chunkCount(padded, chunkBytes);
  const chunks: Uint8Array[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = index * chunkBytes;
    const chunk = sealBytes(key, paddedSlice(content, start, Math.min(start + chunkBytes, padded)), chunkAad(sealing, storeKey, index, count), 1);
    chunk[0] = ATTACHMENT_FORMAT;
    chunks.push(chunk);
  }
  return chunks;
}

/**
 * The content of an attachment from its stored bytes (its chunks one after the other, as sealAttachment
 * gave them), opened in the format and for the size its row says, or DamagedAttachmentError: bytes
 * cut short or added to are 'count' before anything is opened.
 */
export function openAttachment(key: Uint8Array, storeKey: string, sealing: AttachmentSealing, stored: Uint8Array, chunkBytes = ATTACHMENT_CHUNK_BYTES): Uint8Array {
  if ((sealing.format !== ATTACHMENT_FORMAT && sealing.format !== UNPADDED_ATTACHMENT_FORMAT) || !Number.isSafeInteger(sealing.size) || sealing.size < 0) {
    throw new DamagedAttachmentError(storeKey, 0, 'format');
  }
  const sealed = sealedContentLength(sealing);
  const count = chunkCount(sealed, chunkBytes);
  if (stored.length !== sealed + count * CHUNK_OVERHEAD) throw new DamagedAttachmentError(storeKey, count - 1, 'count');
  const content = new Uint8Array(sealing.size);
  for (let index = 0; index < count; index += 1) {
    const start = index * chunkBytes;
    const end = Math.min(start + chunkBytes, sealed);
    const chunk = stored.subarray(start + index * CHUNK_OVERHEAD, end + (index + 1) * CHUNK_OVERHEAD);
    if (chunk[0] !== sealing.format) throw new DamagedAttachmentError(storeKey, index, 'format');
    // The plaintext is only lent: the content's part is copied into place, the padding checked where it lies.
    const opened = openBytesWith(key, chunk, chunkAad(sealing, storeKey, index, count), (plaintext) => keepContent(plaintext, content, start), 1);
    if (opened === null) throw new DamagedAttachmentError(storeKey, index, 'authentication');
    if (!opened) throw new DamagedAttachmentError(storeKey, index, 'padding');
  }
  return content;
}

/** The content's bytes from `start` to `end`, zeros past its end: the content itself where no padding falls. */
function paddedSlice(content: Uint8Array, start: number, end: number): Uint8Array {
  if (end <= content.length) return content.subarray(start, end);
  const slice = new Uint8Array(end - start);
  if (start < content.length) slice.set(content.subarray(start));
  return slice;
}

/** Copies a chunk's plaintext, found at `start` of the padded content, into the content; false when its padding is not zeros. */
function keepContent(plaintext: Uint8Array, content: Uint8Array, start: number): boolean {
  const kept = Math.max(0, Math.min(plaintext.length, content.length - start));
  content.set(plaintext.subarray(0, kept), start);
  for (let i = kept; i < plaintext.length; i += 1) if (plaintext[i] !== 0) return false;
  return true;
}

/** Format 1 bound no size (its chunks were exactly the content); format 2 binds it. */
function chunkAad(sealing: AttachmentSealing, storeKey: string, index: number, count: number): Uint8Array {
  const { format, size } = sealing;
  const place = format === UNPADDED_ATTACHMENT_FORMAT ? { format, storeKey, index, count } : { format, storeKey, index, count, size };
  return aadOf(canonicalJson({ purpose: 'vigia.attachment-chunk', ...place }));
}
