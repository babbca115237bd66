import { ATTACHMENT_FORMAT, DamagedAttachmentError, openAttachment, sealAttachment, UNPADDED_ATTACHMENT_FORMAT } from '../../../shared/vault';
import type { VigiaDatabase } from '../database';
import type { StoredBlob } from '../local-records';

/** How a blob's bytes are kept in a sealed database: 64 KiB chunks, each sealed, padded to a bucket (shared/vault/attachment-cipher.ts). */
export const SEALED_BLOB = 'xchacha20poly1305-chunks-v2';
/** The first layout, chunks exactly the bytes (their length told the size): still opened, never written. */
export const UNPADDED_SEALED_BLOB = 'xchacha20poly1305-chunks-v1';

/** The chunk format of each `sealing` a row may name. */
const CHUNK_FORMATS = new Map<unknown, number>([
  [SEALED_BLOB, ATTACHMENT_FORMAT],
  [UNPADDED_SEALED_BLOB, UNPADDED_ATTACHMENT_FORMAT],
]);

/**
 * Attachment bytes at rest. In the workstation's sealed database they are stored as sealed 64 KiB
 * chunks under the workstation key, padded to a length bucket and each bound to the blob's SHA-256
 * and its place, so a chunk moved, cut or flipped is reported as damaged; no attachment's text, nor
 * its exact size, can be read on disk. The row's other fields (size, type, sealing) are sealed like
 * every record (sealed-tables.ts), and its key is stored blinded (key-blinding-middleware.ts). A
 * database without a vault (unit tests of other things) keeps bytes as they are.
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
  const format = CHUNK_FORMATS.get(stored.sealing);
  // A plain blob in a sealed database was not written by this code: not trusted, never shown.
  if (format === undefined || !(stored.data instanceof Blob)) throw new DamagedAttachmentError(storeKeyOf(stored.sha256), 0, 'format');
  const sealed = new Uint8Array(await stored.data.arrayBuffer());
  return new Blob([openAttachment(key, storeKeyOf(stored.sha256), { format, size: stored.size }, sealed) as BlobPart], { type: stored.mimeType });
}

/** A blob from a bundle (a Blob already), read and sealed before the transaction that stores it. */
export async function stagedBlobToStore(db: VigiaDatabase, sha256: string, data: Blob, mimeType: string): Promise<StoredBlob> {
  if (!db.recordKeys) return { sha256, size: data.size, mimeType, data };
  return blobToStore(db, sha256, new Uint8Array(await data.arrayBuffer()), mimeType);
}

const storeKeyOf = (sha256: string) => `sha256:${sha256}`;
