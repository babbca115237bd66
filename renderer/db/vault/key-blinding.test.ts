// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's would come back as a plain object.
import { readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { importSpecSchema } from '../../../shared/import/spec';
import { DamagedRecordError, isBlindedKey, SEALED_FIELD } from '../../../shared/vault';
import { openVigiaDatabase, type VigiaDatabase } from '../database';
import { applyMigrations, MIGRATIONS, SCHEMA_VERSION } from '../migrations';
import { listContacts, removeContact, type Contact } from '../repositories/keyring';
import { listImportSpecs, saveImportSpec } from '../repositories/import-specs';
import { freshDatabase } from '../test-support';
import { blobToStore } from './blob-cipher';
import { encryptionMiddleware } from './encryption-middleware';
import { PLAIN_KEY_FIELD } from './key-blinding-middleware';
import { RecordKeys } from './record-keys';
import { SEALED_TABLES } from './sealed-tables';

const SHA = 'a3f1c2d4e5b6978812345678abcdef0123456789abcdef0123456789abcdef01';
const FINGERPRINT = 'VGA1-7K2M-QX4P-93RT';
const SPEC = importSpecSchema.parse({ ...JSON.parse(readFileSync('test/fixtures/import/internos-y-comunicaciones.spec.json', 'utf8')), name: 'Listado IIPP Murcia II' });
const contact = (fingerprint: string, name: string): Contact => ({ fingerprint, name, ageRecipient: 'age1x', signingKey: 'RWQ', trustedAt: 1 });

/** Every key and value of every store, as someone with the disk reads them (no Dexie middleware). */
async function rawText(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    const parts = await Promise.all(raw.tables.map(async (table) => JSON.stringify([await table.toCollection().primaryKeys(), await table.toArray()], (_, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v))));
    return parts.join('\n');
  } finally {
    raw.close();
  }
}

async function fill(db: VigiaDatabase) {
  await db.blobs.put(blobToStore(db, SHA, new TextEncoder().encode('informe de traslado'), 'text/plain'));
  await db.table('contacts').bulkPut([contact(FINGERPRINT, 'Ana'), contact('VGA1-ZZZZ-0000-1111', 'Bruno')]);
  await saveImportSpec(db, 'case:1', SPEC);
}

describe('blinded primary keys', () => {
  it('keep an attachment’s hash, a colleague’s fingerprint and a specification’s name off the disk, and the app reads them as before', async () => {
    const db = await freshDatabase();
    await fill(db);
    const disk = await rawText(db.name);
    for (const secret of [SHA, FINGERPRINT, 'Listado IIPP Murcia II']) expect(disk).not.toContain(secret);

    expect((await db.blobs.get(SHA))?.sha256).toBe(SHA);
    expect((await db.blobs.count())).toBe(1);
    expect((await listContacts(db)).map((c) => c.fingerprint)).toEqual([FINGERPRINT, 'VGA1-ZZZZ-0000-1111']);
    expect((await listImportSpecs(db, 'case:1')).map((s) => s.name)).toEqual(['Listado IIPP Murcia II']);
    expect(await listImportSpecs(db, 'case:2')).toEqual([]);
    // Saving under the same name replaces it: the same plain key is the same blinded key.
    await saveImportSpec(db, 'case:1', SPEC);
    expect(await db.table('importSpecs').count()).toBe(1);
    // What a write answers is the plain key, as without blinding.
    expect(await db.table('contacts').put(contact('VGA1-NEW0-0000-2222', 'Carla'))).toBe('VGA1-NEW0-0000-2222');
    expect(await db.table('contacts').bulkPut([contact('VGA1-NEW0-0000-3333', 'Dora')], { allKeys: true })).toEqual(['VGA1-NEW0-0000-3333']);
    await db.table('contacts').bulkDelete(['VGA1-NEW0-0000-2222', 'VGA1-NEW0-0000-3333']);
    await removeContact(db, FINGERPRINT);
    expect((await listContacts(db)).map((c) => c.name)).toEqual(['Bruno']);
    // A range over a blinded key means nothing, and says so instead of answering wrongly.
    await expect(db.table('contacts').where('fingerprint').startsWith('VGA1').toArray()).rejects.toThrow(/blinded fingerprint; look rows up by equality only/);
    db.close();
  });

  it('reports a plain key swapped between two rows as damaged', async () => {
    const db = await freshDatabase();
    const other = 'b'.repeat(64);
    await db.blobs.bulkPut([blobToStore(db, SHA, Uint8Array.of(1), 'text/plain'), blobToStore(db, other, Uint8Array.of(2), 'text/plain')]);
    db.close();
    const raw = new Dexie(db.name);
    await raw.open();
    const [first, second] = (await raw.table('blobs').toArray()) as Record<string, unknown>[];
    // The plain key is sealed with the row's other fields (migration 7): swapped with them.
    expect(first).not.toHaveProperty(PLAIN_KEY_FIELD);
    await raw.table('blobs').bulkPut([{ ...first, [SEALED_FIELD]: second![SEALED_FIELD] }, { ...second, [SEALED_FIELD]: first![SEALED_FIELD] }]);
    raw.close();
    const reopened = await openVigiaDatabase(db.address);
    await expect(reopened.blobs.get(SHA)).rejects.toBeInstanceOf(DamagedRecordError);
    await expect(reopened.blobs.toArray()).rejects.toMatchObject({ name: 'DamagedRecordError', table: 'blobs', reason: 'authentication' });
    reopened.close();
  });

  it('are given to a sealed database of version 5 by migration 6, all rows kept', async () => {
    const vaultKey = crypto.getRandomValues(new Uint8Array(32));
    const name = `v5-sealed-${crypto.randomUUID()}`;
    const old = new Dexie(name) as unknown as VigiaDatabase;
    applyMigrations(old, MIGRATIONS.filter((m) => m.version <= 5));
    old.recordKeys = new RecordKeys(vaultKey);
    Object.assign(old, { now: () => 1_700_000_000_000 });
    // Sealed as version 5 was: `blobs` rows in clear (migration 7 seals them).
    const { blobs: _, ...sealedThen } = SEALED_TABLES;
    old.use(encryptionMiddleware({ tables: sealedThen, keys: old.recordKeys }));
    await old.open();
    await fill(old);
    old.close();
    expect(await rawText(name)).toContain(FINGERPRINT);

    const db = await openVigiaDatabase({ name, vaultKey });
    expect(db.verno).toBe(SCHEMA_VERSION);
    const disk = await rawText(name);
    for (const secret of [SHA, FINGERPRINT, 'Listado IIPP Murcia II']) expect(disk).not.toContain(secret);
    // A keys-only read answers with the plain keys too, by a query and by a cursor, and never a blinded one
    // (in the blinded keys' order: what the store holds).
    const plain = [FINGERPRINT, 'VGA1-ZZZZ-0000-1111'].sort();
    expect((await db.table('contacts').toCollection().primaryKeys()).sort()).toEqual(plain);
    expect(((await db.table('contacts').orderBy(':id').keys()) as string[]).sort()).toEqual(plain);
    const viaCursor: unknown[] = [];
    await db.table('contacts').toCollection().eachPrimaryKey((key) => viaCursor.push(key));
    expect(viaCursor.some(isBlindedKey)).toBe(false);
    expect(viaCursor.sort()).toEqual(plain);
    expect((await listContacts(db)).map((c) => c.fingerprint)).toEqual([FINGERPRINT, 'VGA1-ZZZZ-0000-1111']);
    expect((await listImportSpecs(db, 'case:1')).map((s) => s.name)).toEqual(['Listado IIPP Murcia II']);
    const blob = await db.blobs.get(SHA);
    expect(blob?.size).toBe('informe de traslado'.length);
    db.close();
  });
});
