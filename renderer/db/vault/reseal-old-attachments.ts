import { DamagedAttachmentError } from '../../../shared/vault';
import type { VigiaDatabase } from '../database';
import { blobToStore, openStoredBlob, UNPADDED_SEALED_BLOB } from './blob-cipher';

/**
 * Stores again, padded, the attachments whose chunks were sealed before padding (format 1: chunks of
 * exactly the bytes, so their length on disk tells the attachment's size to the byte, enough to
 * recognise a known file). One attachment at a time: its bytes are read and opened outside any
 * transaction (a Blob cannot be read inside one), sealed anew, and put back in a transaction that
 * first checks the row is still of format 1 (another write may have replaced it meanwhile). The
 * same bytes, the same hash: nothing is journalled. A damaged attachment is left as it is, for a
 * bundle's copy to replace. Part of the re-sealing pass (reseal-old-rows.ts). Returns how many were
 * stored again.
 */
export async function resealOldAttachments(db: VigiaDatabase): Promise<number> {
  if (!db.recordKeys) return 0;
  const old = await db.blobs.filter((row) => row.sealing === UNPADDED_SEALED_BLOB).primaryKeys();
  let resealed = 0;
  for (const sha256 of old) {
    const stored = await db.blobs.get(sha256);
    if (stored?.sealing !== UNPADDED_SEALED_BLOB) continue;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await (await openStoredBlob(db, stored)).arrayBuffer());
    } catch (error) {
      if (error instanceof DamagedAttachmentError) continue;
      throw error;
    }
    const padded = blobToStore(db, sha256, bytes, stored.mimeType);
    const written = await db.transaction('rw', db.blobs, async () => {
      const now = await db.blobs.get(sha256);
      // Written again meanwhile (every write seals padded): nothing left to do. The bytes are the hash's either way.
      if (now?.sealing !== UNPADDED_SEALED_BLOB) return false;
      await db.blobs.put({ ...now, ...padded });
      return true;
    });
    if (written) resealed += 1;
  }
  return resealed;
}
