import { ATTACHMENT_CHUNK_BYTES, chunkCount, DamagedAttachmentError, openAttachment, sealAttachment } from '../../../shared/vault';
import type { VigiaDatabase } from '../database';
import type { StoredBlob } from '../local-records';

/** How a blob's bytes are kept in a sealed database: 64 KiB chunks, each sealed (shared/vault/attachment-cipher.ts). */
export const SEALED_BLOB = 'xchacha20poly1305-chunks-v1';
/** What sealing adds to each chunk: format byte, nonce and tag. */
const CHUNK_OVERHEAD = 1 + 24 + 16;

/**
 * Attachment bytes at rest. In the workstation's sealed database they are stored as sealed 64 KiB
 * chunks under the workstation key, each bound to the blob's row (its SHA-256) and its place, so a
 * chunk moved, cut or flipped is reported as damaged; no attachment's text can be read on disk. The
 * row's key is stored blinded (key-blinding-middleware.ts). A database without a vault
 * (unit tests of other things) keeps bytes as they are.
 */
export function blobToStore(db: VigiaDatabase, sha256: string, bytes: Uint8Array, mimeType: string): StoredBlob {
  const key = db.recordKeys?.attachmentKey();
  if (!key) return { sha256, size: bytes.byteLength, mimeType, data: new Blob([bytes.slice()], { type: mimeType }) };
  const chunks = sealAttachment(key, storeKeyOf(sha256), bytes);
  return { sha256, size: bytes.byteLength, mimeType, data: new Blob(chunks as BlobPart[], { type: 'application/octet-stream' }), sealing: SEALED_BLOB };
}

/** The stored bytes as the analyst attached them (a Blob of their type), or DamagedAttachmentError. */
export async function openStoredBlob(db: VigiaDatabase, stored: StoredBlob): Promise<Blob> {
  const key = db.recordKeys?.attachmentKey();
  if (!key) return stored.data;
  // A plain blob in a sealed database was not written by this code: not trusted, never shown.
  if (stored.sealing !== SEALED_BLOB) throw new DamagedAttachmentError(storeKeyOf(stored.sha256), 0, 'format');
  const sealed = new Uint8Array(await stored.data.arrayBuffer());
  const count = chunkCount(stored.size);
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (let index = 0; index < count; index += 1) {
    const plainLength = index < count - 1 ? ATTACHMENT_CHUNK_BYTES : stored.size - ATTACHMENT_CHUNK_BYTES * (count - 1);
    chunks.push(sealed.subarray(offset, offset + plainLength + CHUNK_OVERHEAD));
    offset += plainLength + CHUNK_OVERHEAD;
  }
  if (offset !== sealed.length) throw new DamagedAttachmentError(storeKeyOf(stored.sha256), count - 1, 'count');
  return new Blob([openAttachment(key, storeKeyOf(stored.sha256), chunks) as BlobPart], { type: stored.mimeType });
}

/** A blob from a bundle (a Blob already), read and sealed before the transaction that stores it. */
export async function stagedBlobToStore(db: VigiaDatabase, sha256: string, data: Blob, mimeType: string): Promise<StoredBlob> {
  if (!db.recordKeys) return { sha256, size: data.size, mimeType, data };
  return blobToStore(db, sha256, new Uint8Array(await data.arrayBuffer()), mimeType);
}

const storeKeyOf = (sha256: string) => `sha256:${sha256}`;
