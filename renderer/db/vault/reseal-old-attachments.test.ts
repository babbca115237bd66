// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's would come back as a plain object.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { bytesToHex } from '@noble/hashes/utils.js';
import { CHUNK_OVERHEAD, chunkCount, SEALED_FIELD } from '../../../shared/vault';
import { sealAttachmentFormatOne } from '../../../shared/vault/format-one.test-support';
import type { VigiaDatabase } from '../database';
import type { StoredBlob } from '../local-records';
import { loadAttachmentBytes } from '../repositories/attachments';
import { freshDatabase } from '../test-support';
import { blobToStore, SEALED_BLOB, UNPADDED_SEALED_BLOB } from './blob-cipher';
import { resealOldAttachments } from './reseal-old-attachments';

const LETTER = new TextEncoder().encode(`Carta interceptada: reunión el martes en el patio del módulo 4. ${'relleno '.repeat(20_000)}fin`);
const LETTER_SHA = 'a'.repeat(64);
const PHOTO = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) & 255);
const PHOTO_SHA = 'b'.repeat(64);
const DAMAGED_SHA = 'c'.repeat(64);
const CURRENT_SHA = 'd'.repeat(64);

/** An attachment as the first release stored it: its row's fields sealed, its chunks of exactly its bytes. */
function storedBeforePadding(db: VigiaDatabase, sha256: string, bytes: Uint8Array, mimeType: string): StoredBlob {
  const chunks = sealAttachmentFormatOne(db.recordKeys!.attachmentKey(), `sha256:${sha256}`, bytes);
  return { sha256, size: bytes.length, mimeType, data: new Blob(chunks as BlobPart[]), sealing: UNPADDED_SEALED_BLOB };
}

/** The length of each attachment's stored bytes as the disk holds them, and the rows, read without the middleware. */
async function onDisk(db: VigiaDatabase) {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    const rows = (await raw.table('blobs').toArray()) as { data: Blob; [SEALED_FIELD]: Uint8Array }[];
    return { lengths: rows.map((row) => row.data.size).sort((a, b) => a - b), seals: rows.map((row) => bytesToHex(row[SEALED_FIELD])) };
  } finally {
    raw.close();
  }
}

const bytesOf = async (db: VigiaDatabase, sha256: string) => new Uint8Array(await (await loadAttachmentBytes(db, sha256))!.arrayBuffer());

describe('resealOldAttachments', () => {
  it('stores attachments sealed before padding again, padded, the same bytes; leaves current and damaged ones as they are', async () => {
    const db = await freshDatabase();
    const damaged = storedBeforePadding(db, DAMAGED_SHA, PHOTO, 'image/png');
    const flipped = new Uint8Array(await damaged.data.arrayBuffer());
    flipped[40]! ^= 1;
    await db.blobs.bulkPut([
      storedBeforePadding(db, LETTER_SHA, LETTER, 'text/plain'),
      storedBeforePadding(db, PHOTO_SHA, PHOTO, 'image/jpeg'),
      { ...damaged, data: new Blob([flipped]) },
      blobToStore(db, CURRENT_SHA, PHOTO, 'image/jpeg'),
    ]);
    const exact = (size: number) => size + chunkCount(size) * CHUNK_OVERHEAD;
    const before = await onDisk(db);
    // Before: the letter's and the photo's exact sizes can be read off the disk.
    expect(before.lengths).toEqual(expect.arrayContaining([exact(LETTER.length), exact(PHOTO.length)]));
    const journal = await db.audit.count();

    expect(await resealOldAttachments(db)).toBe(2);

    expect(await bytesOf(db, LETTER_SHA)).toEqual(LETTER);
    expect(await bytesOf(db, PHOTO_SHA)).toEqual(PHOTO);
    expect((await loadAttachmentBytes(db, LETTER_SHA))!.type).toBe('text/plain');
    for (const sha256 of [LETTER_SHA, PHOTO_SHA]) expect((await db.blobs.get(sha256))?.sealing).toBe(SEALED_BLOB);
    const after = await onDisk(db);
    expect(after.lengths).not.toContain(exact(LETTER.length));
    expect(after.lengths.filter((length) => length === exact(PHOTO.length))).toHaveLength(1); // the damaged one's
    expect(after.lengths).toContain(blobToStore(db, LETTER_SHA, LETTER, 'text/plain').data.size);
    // The damaged one is left for a bundle's copy to replace; nothing was journalled.
    expect((await db.blobs.get(DAMAGED_SHA))?.sealing).toBe(UNPADDED_SEALED_BLOB);
    // Their rows are byte for byte as they were: two of the four seals are the same.
    expect(after.seals.filter((seal) => before.seals.includes(seal))).toHaveLength(2);
    expect(await db.audit.count()).toBe(journal);

    expect(await resealOldAttachments(db)).toBe(0);
    db.close();
  });
});
