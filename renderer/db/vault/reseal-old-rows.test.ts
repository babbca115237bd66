import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openRecord, RECORD_FORMAT, SEALED_FIELD, UNPADDED_RECORD_FORMAT } from '../../../shared/vault/record-cipher';
import { sealFormatOne } from '../../../shared/vault/format-one.test-support';
import type { VigiaDatabase } from '../database';
import { importSnapshot } from '../import-snapshot';
import { freshDatabase, syntheticSnapshot } from '../test-support';
import { LockStore } from './lock-store';
import { RESEALED, resealOldRows } from './reseal-old-rows';

const CASE_ID = 'case:synthetic';

/** The stores as the disk holds them: plain IndexedDB, below every middleware. */
async function withRaw<T>(db: VigiaDatabase, run: (raw: Dexie) => Promise<T>): Promise<T> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return await run(raw);
  } finally {
    raw.close();
  }
}

const formatOf = (row: Record<string, unknown>) => (row[SEALED_FIELD] as Uint8Array)[0];

/**
 * A case written as today, then some of its rows stored again as the first release sealed them
 * (format 1, unpadded) under the case's own key: what a workstation of that release still holds.
 */
async function workstationWithOldRows(oldPersons: number, oldLinks: number) {
  const db = await freshDatabase();
  const snapshot = syntheticSnapshot(12, 20, 3);
  await importSnapshot(db, snapshot);
  const key = db.recordKeys!.keyFor({ table: 'persons', primaryKey: snapshot.persons[0]!.id, clear: { caseId: CASE_ID } }, {} as never)!;
  const oldRows = [
    ...snapshot.persons.slice(0, oldPersons).map((record) => ({ table: 'persons', record, clear: ['id', 'caseId'] })),
    ...snapshot.links.slice(0, oldLinks).map((record) => ({ table: 'links', record, clear: ['id', 'caseId', 'fromId', 'toId'] })),
  ];
  await withRaw(db, (raw) =>
    raw.transaction('rw', ['persons', 'links'], async () => {
      for (const { table, record, clear } of oldRows) {
        await raw.table(table).put(sealFormatOne(key, { table, primaryKey: record.id }, record as unknown as Record<string, unknown>, clear));
      }
    }),
  );
  return { db, snapshot, lock: new LockStore(`lock-${crypto.randomUUID()}`) };
}

describe('resealOldRows', () => {
  it('writes rows of record format 1 again in the current format, the same records, and says so once', async () => {
    const { db, snapshot, lock } = await workstationWithOldRows(5, 7);
    const before = await withRaw(db, async (raw) => ({ persons: await raw.table('persons').toArray(), links: await raw.table('links').toArray() }));
    expect(before.persons.filter((row) => formatOf(row) === UNPADDED_RECORD_FORMAT)).toHaveLength(5);
    const readBefore = { persons: await db.persons.toArray(), links: await db.links.toArray() };
    const journal = await db.audit.count();

    expect(await resealOldRows(db, lock)).toBe(12);

    const after = await withRaw(db, async (raw) => ({ persons: await raw.table('persons').toArray(), links: await raw.table('links').toArray() }));
    for (const row of [...after.persons, ...after.links]) expect(formatOf(row)).toBe(RECORD_FORMAT);
    // The rows that were already current are left byte for byte as they were.
    const untouched = before.persons.filter((row) => formatOf(row) === RECORD_FORMAT);
    expect(untouched.length).toBe(snapshot.persons.length - 5);
    for (const row of untouched) expect(after.persons.find((candidate) => candidate.id === row.id)).toEqual(row);
    // What the layers above read is the same, and nothing was journalled.
    expect({ persons: await db.persons.toArray(), links: await db.links.toArray() }).toEqual(readBefore);
    expect(await db.audit.count()).toBe(journal);
    expect(await lock.resealedTo()).toEqual(RESEALED);

    // Done once: a later unlock does not read the store again, even if an old row appeared.
    await withRaw(db, (raw) => raw.table('persons').put(before.persons.find((row) => formatOf(row) === UNPADDED_RECORD_FORMAT)!));
    expect(await resealOldRows(db, lock)).toBe(0);
    db.close();
  });

  it('writes nothing where every row is current, and leaves a damaged old row as it is', async () => {
    const { db, lock } = await workstationWithOldRows(3, 0);
    const journal = await db.audit.count();
    const damagedId = await withRaw(db, async (raw) => {
      const old = (await raw.table('persons').toArray()).filter((row) => formatOf(row) === UNPADDED_RECORD_FORMAT);
      const flipped = (old[1]![SEALED_FIELD] as Uint8Array).slice();
      flipped[30]! ^= 1;
      await raw.table('persons').put({ ...old[1], [SEALED_FIELD]: flipped });
      return old[1]!.id as string;
    });

    expect(await resealOldRows(db, lock)).toBe(2);
    const rows = await withRaw(db, (raw) => raw.table('persons').toArray());
    expect(rows.filter((row) => formatOf(row) === UNPADDED_RECORD_FORMAT).map((row) => row.id)).toEqual([damagedId]);
    expect(await db.audit.count()).toBe(journal);
    db.close();

    const current = await freshDatabase();
    await importSnapshot(current, syntheticSnapshot(4, 3, 1));
    const stored = await withRaw(current, (raw) => raw.table('persons').toArray());
    expect(await resealOldRows(current, new LockStore(`lock-${crypto.randomUUID()}`))).toBe(0);
    expect(await withRaw(current, (raw) => raw.table('persons').toArray())).toEqual(stored);
    current.close();
  });

  it('reaches the rows of tables whose keys are blinded, by their blinded keys', async () => {
    const db = await freshDatabase();
    const fingerprint = 'RWQf6LRCGA9i53mlYecO4IzT51TGPpvWucNSCh1CBM0QTaLn73Y7GFO3';
    const contact = { fingerprint, name: 'Ana Ruiz (Unidad Central)', signingKey: 'RWQf6LRCGA9i53ml', ageRecipient: 'age1example', trustedAt: 1 };
    await db.table('contacts').put(contact);
    await db.table('importSpecs').put({ caseId: CASE_ID, name: 'Listado de internos, Estremera', mapping: { nombre: 'primaryName' } });
    const key = db.recordKeys!.keyFor({ table: 'contacts', primaryKey: fingerprint, clear: {} }, {} as never)!;
    // Stored again as format 1, as the first release sealed them: the same fields, the blinded key beside the seal.
    const blindedKeys = await withRaw(db, (raw) =>
      raw.transaction('rw', ['contacts', 'importSpecs'], async () => {
        const found: string[] = [];
        for (const [table, clear] of [['contacts', ['fingerprint']], ['importSpecs', ['caseId', 'name']]] as const) {
          const [row] = (await raw.table(table).toArray()) as Record<string, unknown>[];
          const primaryKey = table === 'contacts' ? row!.fingerprint : [row!.caseId, row!.name];
          const place = { table, primaryKey: primaryKey as string };
          const recordKey = table === 'contacts' ? key : db.recordKeys!.keyFor({ table, primaryKey: place.primaryKey, clear: { caseId: CASE_ID } }, {} as never)!;
          await raw.table(table).put(sealFormatOne(recordKey, place, openRecord(recordKey, place, row!), clear));
          found.push(String(table === 'contacts' ? row!.fingerprint : row!.name));
        }
        return found;
      }),
    );
    expect(blindedKeys.some((blinded) => blinded.includes(fingerprint) || blinded.includes('Estremera'))).toBe(false);
    const formats = async () => withRaw(db, async (raw) => [...(await raw.table('contacts').toArray()), ...(await raw.table('importSpecs').toArray())].map(formatOf));
    expect(await formats()).toEqual([UNPADDED_RECORD_FORMAT, UNPADDED_RECORD_FORMAT]);
    const readAll = async () => ({ contacts: await db.table('contacts').toArray(), specs: await db.table('importSpecs').toArray() });
    const readBefore = await readAll();
    expect(readBefore.contacts).toEqual([contact]);

    // A workstation whose pass was done by the pass's first build (a bare format number in the lock
    // store), which left these tables as they were, is looked at again.
    const lockName = `lock-${crypto.randomUUID()}`;
    const lock = new LockStore(lockName);
    await lock.resealedTo();
    const lockRows = new Dexie(lockName);
    await lockRows.open();
    await lockRows.table('rows').put({ id: 'resealed', value: RECORD_FORMAT });
    lockRows.close();
    expect(await lock.resealedTo()).toEqual({ format: RECORD_FORMAT, pass: 1 });
    expect(await resealOldRows(db, lock)).toBe(2);
    expect(await lock.resealedTo()).toEqual(RESEALED);
    expect(await formats()).toEqual([RECORD_FORMAT, RECORD_FORMAT]);
    expect(await readAll()).toEqual(readBefore);
    expect(await db.table('contacts').get(fingerprint)).toEqual(contact);
    db.close();
  });
});
