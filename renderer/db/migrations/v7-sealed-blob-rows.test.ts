// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's would come back as a plain object.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CHUNK_OVERHEAD, chunkCount, isSealedRecord, keyBlindingKey, SEALED_FIELD, workstationRecordKey } from '../../../shared/vault';
import { sealAttachmentFormatOne } from '../../../shared/vault/format-one.test-support';
import { openVigiaDatabase, VigiaDatabase } from '../database';
import type { StoredBlob } from '../local-records';
import { loadAttachmentBytes } from '../repositories/attachments';
import { blobToStore, UNPADDED_SEALED_BLOB } from '../vault/blob-cipher';
import { encryptionMiddleware } from '../vault/encryption-middleware';
import { BLINDED_KEY_FIELDS, keyBlindingMiddleware } from '../vault/key-blinding-middleware';
import { RecordKeys } from '../vault/record-keys';
import { SEALED_TABLES } from '../vault/sealed-tables';
import { applyMigrations, MIGRATIONS, type Migration } from './index';
import { v7SealedBlobRows } from './v7-sealed-blob-rows';

const LETTER = `Carta interceptada: reunión el martes en el patio del módulo 4. ${'relleno '.repeat(12_000)}fin`;
const LETTER_SHA = 'a3f1c2d4e5b6978812345678abcdef0123456789abcdef0123456789abcdef01';
const PHOTO_SHA = 'b'.repeat(64);
const PHOTO = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7) & 255);

/** What versions 5 and 6 sealed: every table but `blobs`. */
const { blobs: _blobs, ...SEALED_BEFORE_V7 } = SEALED_TABLES;

/**
 * A workstation's database as the code of `version` left it, sealed under `vaultKey`: version 5 had
 * no key blinding yet. `sealedTables` says which tables its middleware sealed.
 */
async function workstationAt(version: number, vaultKey: Uint8Array, name: string, sealedTables = SEALED_BEFORE_V7, migrations: readonly Migration[] = MIGRATIONS): Promise<VigiaDatabase> {
  const db = new Dexie(name) as unknown as VigiaDatabase;
  applyMigrations(db, migrations.filter((m) => m.version <= version));
  db.recordKeys = new RecordKeys(vaultKey);
  db.use(encryptionMiddleware({ tables: sealedTables, keys: db.recordKeys }));
  if (version >= 6) db.use(keyBlindingMiddleware({ fields: BLINDED_KEY_FIELDS, blindingKey: keyBlindingKey(vaultKey), sealingKey: workstationRecordKey(vaultKey) }));
  await db.open();
  return db;
}

/**
 * A blob row as blob-cipher.ts wrote it before padding: size, type and sealing in clear beside 64 KiB
 * chunks of exactly the bytes, format 1 (pinned against chunks the shipped code sealed in
 * shared/vault/attachment-cipher.test.ts).
 */
function rowOfFormatOne(db: VigiaDatabase, sha256: string, bytes: Uint8Array, mimeType: string): StoredBlob {
  const chunks = sealAttachmentFormatOne(db.recordKeys!.attachmentKey(), `sha256:${sha256}`, bytes);
  return { sha256, size: bytes.length, mimeType, data: new Blob(chunks as BlobPart[]), sealing: UNPADDED_SEALED_BLOB };
}

async function withOldAttachments(version: number) {
  const vaultKey = crypto.getRandomValues(new Uint8Array(32));
  const name = `v${version}-attachments-${crypto.randomUUID()}`;
  const old = await workstationAt(version, vaultKey, name);
  const letter = new TextEncoder().encode(LETTER);
  await old.blobs.bulkPut([rowOfFormatOne(old, LETTER_SHA, letter, 'text/plain'), rowOfFormatOne(old, PHOTO_SHA, PHOTO, 'image/jpeg')]);
  old.close();
  return { vaultKey, name, letter };
}

/** The `blobs` store as someone with the disk reads it (no middleware), each row's bytes read out. */
async function storedBlobs(name: string) {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const rows = (await raw.table('blobs').toArray()) as Record<string, unknown>[];
    return { version: raw.verno, rows: await Promise.all(rows.map(async (row) => ({ row, bytes: new Uint8Array(await (row.data as Blob).arrayBuffer()) }))) };
  } finally {
    raw.close();
  }
}

async function expectOpens(db: VigiaDatabase, letter: Uint8Array) {
  expect(await db.blobs.count()).toBe(2);
  const back = await loadAttachmentBytes(db, LETTER_SHA);
  expect(new Uint8Array(await back!.arrayBuffer())).toEqual(letter);
  expect(back!.type).toBe('text/plain');
  const photo = await loadAttachmentBytes(db, PHOTO_SHA);
  expect(new Uint8Array(await photo!.arrayBuffer())).toEqual(PHOTO);
  expect(photo!.type).toBe('image/jpeg');
  expect(await db.blobs.get(LETTER_SHA)).toMatchObject({ sha256: LETTER_SHA, size: letter.length, mimeType: 'text/plain', sealing: UNPADDED_SEALED_BLOB });
}

/** Every row holds its key, its chunks and the sealed rest: nothing else. */
function expectSealedRows(rows: readonly { row: Record<string, unknown> }[]) {
  for (const { row } of rows) expect(Object.keys(row).sort()).toEqual([SEALED_FIELD, 'data', 'sha256'].sort());
}

describe('schema version 7', () => {
  for (const version of [5, 6]) {
    it(`seals the size, type and sealing of a version ${version} workstation’s attachments; their unpadded chunks are kept and still open`, async () => {
      const { vaultKey, name, letter } = await withOldAttachments(version);
      const before = await storedBlobs(name);
      expect(before.rows.map(({ row }) => row.mimeType).sort()).toEqual(['image/jpeg', 'text/plain']);

      const db = await openVigiaDatabase({ name, vaultKey });
      expect(db.verno).toBe(7);
      const after = await storedBlobs(name);
      expect(after.rows).toHaveLength(2);
      expectSealedRows(after.rows);
      const disk = JSON.stringify(
        after.rows.map(({ row }) => row),
        (_, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v),
      );
      for (const secret of ['text/plain', 'image/jpeg', 'chunks-v1', LETTER_SHA]) expect(disk).not.toContain(secret);
      // The chunks are as they were: format 1, not rewritten.
      const chunksBefore = before.rows.map(({ bytes }) => bytes.length).sort();
      expect(after.rows.map(({ bytes }) => bytes.length).sort()).toEqual(chunksBefore);
      expect(chunksBefore).toContain(letter.length + chunkCount(letter.length) * CHUNK_OVERHEAD);
      await expectOpens(db, letter);
      db.close();
    });
  }

  it('runs whole again after an upgrade cut short, losing and doubling nothing', async () => {
    const { vaultKey, name, letter } = await withOldAttachments(6);
    const cutShort = MIGRATIONS.map((m) =>
      m !== v7SealedBlobRows
        ? m
        : {
            ...m,
            upgrade: async (tx: Parameters<NonNullable<Migration['upgrade']>>[0]) => {
              await v7SealedBlobRows.upgrade!(tx);
              throw new Error('power cut');
            },
          },
    );
    const interrupted = workstationAt(7, vaultKey, name, SEALED_TABLES, cutShort);
    await expect(interrupted).rejects.toThrow(/power cut/);
    const left = await storedBlobs(name);
    expect(left.version).toBe(6);
    expect(left.rows.map(({ row }) => row.size).sort()).toEqual([PHOTO.length, letter.length].sort());

    const db = await openVigiaDatabase({ name, vaultKey });
    expect(db.verno).toBe(7);
    const after = await storedBlobs(name);
    expect(after.rows).toHaveLength(2);
    expectSealedRows(after.rows);
    await expectOpens(db, letter);
    db.close();
  });

  it('leaves a row already sealed as it is, and seals the others', async () => {
    const { vaultKey, name, letter } = await withOldAttachments(6);
    // A row written as version 7 writes it (sealed, padded chunks) into the version 6 database.
    const newer = await workstationAt(6, vaultKey, name, SEALED_TABLES);
    const report = new TextEncoder().encode('informe de traslado');
    await newer.blobs.put(blobToStore(newer, 'c'.repeat(64), report, 'application/pdf'));
    newer.close();
    const sealedBefore = (await storedBlobs(name)).rows.map(({ row }) => row).filter(isSealedRecord) as Record<string, unknown>[];
    expect(sealedBefore).toHaveLength(1);

    const db = await openVigiaDatabase({ name, vaultKey });
    const after = await storedBlobs(name);
    expect(after.rows).toHaveLength(3);
    expectSealedRows(after.rows);
    expect(after.rows.find(({ row }) => row.sha256 === sealedBefore[0]!.sha256)?.row[SEALED_FIELD]).toEqual(sealedBefore[0]![SEALED_FIELD]);
    expect(await db.blobs.count()).toBe(3);
    await db.blobs.delete('c'.repeat(64));
    await expectOpens(db, letter);
    db.close();
  });

  it('refuses to run without the vault key, leaving version 6 as it was', async () => {
    const { name } = await withOldAttachments(6);
    const unsealed = new VigiaDatabase(name);
    await expect(unsealed.open()).rejects.toThrow(/vault key/);
    const left = await storedBlobs(name);
    expect(left.version).toBe(6);
    expect(left.rows.every(({ row }) => !isSealedRecord(row) && typeof row.size === 'number')).toBe(true);
  });

  it('leaves the rows of a database without a vault as they are', async () => {
    const name = `v6-plain-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 6));
    await old.open();
    await old.table('blobs').put({ sha256: PHOTO_SHA, size: PHOTO.length, mimeType: 'image/jpeg', data: new Blob([PHOTO]) });
    old.close();

    const plain = new VigiaDatabase(name);
    await plain.open();
    expect(plain.verno).toBe(7);
    expect(await plain.blobs.get(PHOTO_SHA)).toMatchObject({ sha256: PHOTO_SHA, size: PHOTO.length, mimeType: 'image/jpeg' });
    expect(new Uint8Array(await (await plain.blobs.get(PHOTO_SHA))!.data.arrayBuffer())).toEqual(PHOTO);
    plain.close();
  });
});
