// @vitest-environment node
// Node's own Blob: IndexedDB (fake-indexeddb) clones it, where happy-dom's would come back as a plain object.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { demoLeaderId, generateDemoCase, LEADER_IDENTITY } from '../../../shared/demo';
import { CHUNK_OVERHEAD, chunkCount, DamagedRecordError, paddedLength, SEALED_FIELD } from '../../../shared/vault';
import { SEALED_BLOB } from './blob-cipher';
import { openVigiaDatabase, type VigiaDatabase } from '../database';
import { importSnapshot } from '../import-snapshot';
import { loadPersonDetails } from '../queries/person-details';
import { purgeCase } from '../repositories/case-lifecycle';
import { deleteCase } from '../repositories/cases';
import { freshDatabase } from '../test-support';
import { CASE_KEYS_TABLE } from './record-keys';

const TODAY = '2026-12-05';

/** Every row of every store, read as someone with the disk would: plain IndexedDB, no middleware. */
async function rawRows(name: string): Promise<Record<string, unknown[]>> {
  const raw = new Dexie(name);
  await raw.open();
  try {
    return Object.fromEntries(await Promise.all(raw.tables.map(async (table) => [table.name, await table.toArray()] as const)));
  } finally {
    raw.close();
  }
}

/** The text of a stored value as an attacker could search it: strings, and bytes read as UTF-8. */
function searchable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
}

async function demoIn(db: VigiaDatabase) {
  const snapshot = generateDemoCase({ today: TODAY });
  const { caseIds } = await importSnapshot(db, snapshot);
  return { snapshot, caseId: caseIds[0]! };
}

describe('the sealed workstation database', () => {
  it('keeps no person name, alias, note or analyst name in clear in any store', async () => {
    const db = await freshDatabase();
    const { snapshot } = await demoIn(db);
    const rows = await rawRows(db.name);
    const disk = searchable(rows);
    const secrets = [
      ...snapshot.persons.slice(0, 40).map((p) => p.primaryName),
      LEADER_IDENTITY.alias,
      ...snapshot.notes.slice(0, 10).map((n) => n.text.slice(0, 24)),
      ...snapshot.cases.map((c) => c.name),
    ];
    for (const secret of secrets) expect(disk).not.toContain(secret);
    // Every row of the case tables is sealed, with only ids and indexed fields beside the sealed bytes.
    for (const person of rows.persons as Record<string, unknown>[]) expect(Object.keys(person).sort()).toEqual([SEALED_FIELD, 'caseId', 'id'].sort());
    // …and the layers above still read the case whole.
    const leader = await loadPersonDetails(db, demoLeaderId());
    expect(leader?.person.alternateNames.map((n) => n.name)).toContain(LEADER_IDENTITY.alias);
  });

  it('opens in another window or worker with the same vault key, and not with another', async () => {
    const db = await freshDatabase();
    const { caseId } = await demoIn(db);
    const other = await openVigiaDatabase(db.address);
    expect((await other.cases.get(caseId))?.name).toBe('Operación Celosía');
    other.close();

    const stranger = await openVigiaDatabase({ name: db.name, vaultKey: crypto.getRandomValues(new Uint8Array(32)) });
    const failure = await stranger.persons.get(demoLeaderId()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DamagedRecordError);
    expect(failure).toMatchObject({ table: 'persons', reason: 'key' });
    stranger.close();
  });

  it('seals a new case under one key when several writes of it are issued at once in a transaction', async () => {
    // Both writes found the case's key missing and each made one: the second's stored copy replaced
    // the first's, and every record sealed by the first no longer opened.
    const db = await freshDatabase();
    const { persons, cases } = generateDemoCase({ size: 270, today: '2026-12-05' });
    await db.transaction('rw', db.cases, db.persons, async () => {
      const writes = [db.cases.bulkPut(cases), db.persons.bulkPut(persons.slice(0, 10)), db.persons.bulkPut(persons.slice(10, 20))];
      await Promise.all(writes);
    });
    const other = await openVigiaDatabase(db.address);
    expect(await other.persons.bulkGet(persons.slice(0, 20).map((p) => p.id))).toEqual(persons.slice(0, 20));
    expect(await other.table(CASE_KEYS_TABLE).count()).toBe(1);
    other.close();
  });

  it('reports a record whose sealed bytes were flipped, swapped or cut short as damaged, naming it', async () => {
    const db = await freshDatabase();
    const { snapshot } = await demoIn(db);
    const [a, b, c] = snapshot.persons.map((p) => p.id) as [string, string, string];
    const raw = new Dexie(db.name);
    await raw.open();
    const persons = raw.table('persons');
    const rowA = await persons.get(a);
    const rowB = await persons.get(b);
    const rowC = await persons.get(c);
    const flipped = new Uint8Array(rowA[SEALED_FIELD]);
    flipped[flipped.length - 3]! ^= 1;
    await persons.put({ ...rowA, [SEALED_FIELD]: flipped });
    await persons.put({ ...rowB, [SEALED_FIELD]: rowC[SEALED_FIELD] });
    await persons.put({ ...rowC, [SEALED_FIELD]: rowC[SEALED_FIELD].subarray(0, 30) });
    raw.close();

    for (const id of [a, b, c]) {
      await expect(db.persons.get(id)).rejects.toMatchObject({ name: 'DamagedRecordError', table: 'persons', key: JSON.stringify(id), reason: 'authentication' });
    }
  });

  it('destroys a case’s key when the case is purged, and a key made in a transaction that failed is not kept', async () => {
    const db = await freshDatabase();
    const { caseId } = await demoIn(db);
    const before = await rawRows(db.name);
    expect(before[CASE_KEYS_TABLE]!.map((row) => (row as { caseId: string }).caseId)).toEqual([caseId]);
    await deleteCase(db, caseId);
    expect(await purgeCase(db, caseId)).toMatchObject({ ok: true });
    expect((await rawRows(db.name))[CASE_KEYS_TABLE]).toEqual([]);

    // A new case whose first write fails: no key stays in memory to seal later records with a key
    // that was never stored.
    await expect(
      db.transaction('rw', db.notes, async () => {
        await db.notes.put({ id: 'note-x', caseId: 'case-new' } as never);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await db.notes.put({ id: 'note-y', caseId: 'case-new', text: 'kept' } as never);
    const elsewhere = await openVigiaDatabase(db.address);
    expect(await elsewhere.notes.get('note-y')).toMatchObject({ text: 'kept' });
    elsewhere.close();
  });

  it('is never opened without the vault key under the workstation’s own name', async () => {
    await expect(openVigiaDatabase()).rejects.toThrow(/vault/);
  });
});

/** The `blobs` store as plain IndexedDB gives it (no Dexie, no middleware): each row, and its stored bytes. */
async function blobsOnDisk(name: string): Promise<{ row: Record<string, unknown>; bytes: Uint8Array }[]> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const request = idb.transaction('blobs').objectStore('blobs').getAll();
      request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
      request.onerror = () => reject(request.error);
    });
    return await Promise.all(rows.map(async (row) => ({ row, bytes: new Uint8Array(await (row.data as Blob).arrayBuffer()) })));
  } finally {
    idb.close();
  }
}

async function attachLetter(db: VigiaDatabase, text: string, mimeType = 'text/plain') {
  const { attachFile } = await import('../repositories/attachments');
  const { createCase } = await import('../repositories/cases');
  const { createPerson } = await import('../repositories/persons');
  const created = await createCase(db, { name: 'Operación Tánger', unit: 'UCI', marking: 'RESERVADO' } as never);
  if (!created.ok) throw new Error('no case');
  const person = await createPerson(db, created.value.id, { primaryName: 'Abu Salah' });
  if (!person.ok) throw new Error('no person');
  const bytes = new TextEncoder().encode(text);
  const attached = await attachFile(db, created.value.id, { ownerType: 'person', ownerId: person.value.id, fileName: 'carta.txt', mimeType, bytes });
  if (!attached.ok) throw new Error('not attached');
  return { ...attached.value, bytes };
}

describe('attachment bytes in the sealed workstation database', () => {
  it('keeps neither an attachment’s text nor its type nor its exact size on disk', async () => {
    const db = await freshDatabase();
    const mimeType = 'application/vnd.oasis.opendocument.text';
    const attached = await attachLetter(db, `Informe: traslado al módulo 4. ${'relleno '.repeat(9_000)}fin`, mimeType);
    const size = attached.bytes.length;
    const [stored, ...others] = await blobsOnDisk(db.name);
    expect(others).toEqual([]);
    // Its key (blinded), its chunks and the sealed rest: size, type and sealing are sealed.
    expect(Object.keys(stored!.row).sort()).toEqual([SEALED_FIELD, 'data', 'sha256'].sort());
    expect((stored!.row.data as Blob).type).toBe('application/octet-stream');
    const disk = searchable([stored!.row, stored!.bytes]);
    for (const secret of [mimeType, 'opendocument', 'Informe: traslado', 'relleno', String(size), attached.sha256]) expect(disk).not.toContain(secret);
    // The chunks' length is the size's bucket, not the size.
    const bucket = paddedLength(size);
    expect(bucket).toBeGreaterThan(size);
    expect(stored!.bytes.length).toBe(bucket + chunkCount(bucket) * CHUNK_OVERHEAD);
    expect(await db.blobs.get(attached.sha256)).toMatchObject({ sha256: attached.sha256, size, mimeType, sealing: SEALED_BLOB });
  });

  it('reports a blob row whose sealed fields were flipped, swapped or left in clear, or whose chunks were swapped or cut, as damaged, naming it', async () => {
    const { loadAttachmentBytes } = await import('../repositories/attachments');
    const db = await freshDatabase();
    const first = await attachLetter(db, 'primera carta');
    const [a] = (await rawRows(db.name)).blobs as [Record<string, unknown>];
    const second = await attachLetter(db, 'segunda carta');
    const b = ((await rawRows(db.name)).blobs as Record<string, unknown>[]).find((row) => row.sha256 !== a.sha256)!;
    const raw = new Dexie(db.name);
    const plant = async (...rows: Record<string, unknown>[]) => {
      await raw.open();
      await raw.table('blobs').bulkPut(rows);
      raw.close();
    };

    const flipped = new Uint8Array(a[SEALED_FIELD] as Uint8Array);
    flipped[flipped.length - 3]! ^= 1;
    await plant({ ...a, [SEALED_FIELD]: flipped });
    await expect(db.blobs.toArray()).rejects.toMatchObject({ name: 'DamagedRecordError', table: 'blobs', key: JSON.stringify(a.sha256), reason: 'authentication' });

    await plant({ ...a, [SEALED_FIELD]: b[SEALED_FIELD] }, { ...b, [SEALED_FIELD]: a[SEALED_FIELD] });
    for (const { sha256 } of [first, second]) await expect(db.blobs.get(sha256)).rejects.toMatchObject({ name: 'DamagedRecordError', table: 'blobs', reason: 'authentication' });

    // A row as version 6 kept it, fields in clear beside good chunks: not trusted, never shown.
    await plant(a, { sha256: b.sha256, data: b.data, size: second.bytes.length, mimeType: 'text/html', sealing: SEALED_BLOB });
    await expect(db.blobs.get(second.sha256)).rejects.toMatchObject({ name: 'DamagedRecordError', table: 'blobs', key: JSON.stringify(b.sha256), reason: 'missing' });
    expect(await db.blobs.get(first.sha256)).toMatchObject({ size: first.bytes.length });

    // The chunks beside a good row: another attachment's (the same length, both in one bucket), or cut short.
    await plant({ ...a, data: b.data }, b);
    await expect(loadAttachmentBytes(db, first.sha256)).rejects.toMatchObject({ name: 'DamagedAttachmentError', storeKey: `sha256:${first.sha256}`, chunk: 0, reason: 'authentication' });
    await plant({ ...a, data: (a.data as Blob).slice(0, 40) });
    await expect(loadAttachmentBytes(db, first.sha256)).rejects.toMatchObject({ name: 'DamagedAttachmentError', reason: 'count' });
    await plant(a);
    expect(new TextDecoder().decode(await (await loadAttachmentBytes(db, first.sha256))!.arrayBuffer())).toBe('primera carta');
  });

  it('keeps no attachment’s text on disk, gives back the same bytes, and reports a damaged chunk', async () => {
    const { loadAttachmentBytes } = await import('../repositories/attachments');
    const db = await freshDatabase();
    const letter = `Carta interceptada: reunión el martes en el patio del módulo 4. ${'relleno '.repeat(20_000)}fin`;
    const attached = await attachLetter(db, letter);

    const raw = new Dexie(db.name);
    await raw.open();
    const [row] = (await raw.table('blobs').toArray()) as { sha256: string; data: Blob }[];
    // Stored under a blinded key: the hash of a known file does not say this workstation holds it.
    expect(row!.sha256).not.toBe(attached.sha256);
    const onDisk = new TextDecoder().decode(await row!.data.arrayBuffer());
    expect(onDisk).not.toContain('Carta interceptada');
    expect(onDisk).not.toContain('relleno');

    const back = await loadAttachmentBytes(db, attached.sha256);
    expect(new TextDecoder().decode(await back!.arrayBuffer())).toBe(letter);
    expect(back!.type).toBe('text/plain');

    // One bit flipped in the second 64 KiB chunk: damaged, named by its place.
    const sealed = new Uint8Array(await row!.data.arrayBuffer());
    sealed[70_000]! ^= 1;
    await raw.table('blobs').update(row!.sha256, { data: new Blob([sealed]) });
    raw.close();
    await expect(loadAttachmentBytes(db, attached.sha256)).rejects.toMatchObject({ name: 'DamagedAttachmentError', chunk: 1, reason: 'authentication' });
  });
});
