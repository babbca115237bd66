import Dexie, { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedRecordError, SEALED_FIELD } from '../../../shared/vault/record-cipher';
import { brandCheckedCursors } from './brand-checked-cursor';
import { encryptionMiddleware, type RecordKeyRequest, type RecordKeySource } from './encryption-middleware';

/** A key source whose keys are all in memory (no key table to read). */
const inMemory = (keyFor: (request: RecordKeyRequest) => Uint8Array): RecordKeySource => ({ tables: [], keyFor: (request) => keyFor(request), load: () => Promise.resolve() });

const SCHEMA = {
  cases: 'id',
  notes: 'id, caseId, subjectId',
  layouts: '[caseId+viewId]',
  settings: 'key',
};
const SECRET = 'Abu Ilyas recibe cartas de Tánger';

interface Note {
  id: string;
  caseId: string;
  subjectId: string;
  text: string;
  tags?: string[];
}

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
});

/** A per-case key, looked up by the clear `caseId` (or the id of the case record itself), as the app will. */
function keyring() {
  const keys = new Map<string, Uint8Array>();
  const requests: RecordKeyRequest[] = [];
  const keyFor = (request: RecordKeyRequest) => {
    requests.push(request);
    const caseId = request.table === 'cases' ? (request.primaryKey as string) : (request.clear.caseId as string);
    let key = keys.get(caseId);
    if (!key) keys.set(caseId, (key = crypto.getRandomValues(new Uint8Array(32))));
    return key;
  };
  return { keyFor, requests, keys };
}

async function openPair(keyFor = keyring().keyFor) {
  const name = `vault-test-${crypto.randomUUID()}`;
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA);
  db.use(encryptionMiddleware({ tables: { cases: {}, notes: {}, layouts: {} }, keys: inMemory(keyFor) }));
  await db.open();
  // The same IndexedDB as someone with the disk sees it: no middleware, schema read from the database.
  const raw = new Dexie(name);
  await raw.open();
  opened.push(db, raw);
  return { db, raw, notes: db.table<Note, string>('notes'), rawNotes: raw.table('notes') };
}

const note = (id: string, caseId = 'case-1', text = SECRET): Note => ({ id, caseId, subjectId: 'person-9', text, tags: ['cartas'] });

describe('encryptionMiddleware', () => {
  it('gives the layers above plain records on every read path', async () => {
    const { db, notes } = await openPair();
    await notes.add(note('n1'));
    await notes.bulkPut([note('n2'), note('n3', 'case-2', 'otra nota')]);
    await db.table('cases').put({ id: 'case-1', title: 'Operación Estrecho' });
    await db.table('layouts').put({ caseId: 'case-1', viewId: 'v', positions: { p1: [1, 2] } });

    expect(await notes.get('n1')).toEqual(note('n1'));
    expect(await notes.bulkGet(['n2', 'missing'])).toEqual([note('n2'), undefined]);
    expect(await notes.toArray()).toEqual([note('n1'), note('n2'), note('n3', 'case-2', 'otra nota')]);
    expect(await notes.where('caseId').equals('case-2').toArray()).toEqual([note('n3', 'case-2', 'otra nota')]);
    expect(await notes.where('subjectId').equals('person-9').primaryKeys()).toEqual(['n1', 'n2', 'n3']);
    expect(await notes.filter((row) => row.text === 'otra nota').toArray()).toEqual([note('n3', 'case-2', 'otra nota')]);
    const seen: string[] = [];
    await notes.each((row) => seen.push(row.text));
    expect(seen).toEqual([SECRET, SECRET, 'otra nota']);
    expect(await notes.count()).toBe(3);
    expect(await db.table('cases').get('case-1')).toEqual({ id: 'case-1', title: 'Operación Estrecho' });
    expect(await db.table('layouts').get(['case-1', 'v'])).toEqual({ caseId: 'case-1', viewId: 'v', positions: { p1: [1, 2] } });
  });

  it('sits below every other middleware: one at Dexie\'s default level sees plain values both ways', async () => {
    const name = `vault-test-${crypto.randomUUID()}`;
    const db = new Dexie(name);
    db.version(1).stores(SCHEMA);
    const written: unknown[] = [];
    const read: unknown[] = [];
    db.use({
      stack: 'dbcore',
      name: 'Spy',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (req) => {
              if (req.type === 'put' || req.type === 'add') written.push(...req.values);
              return table.mutate(req);
            },
            get: (req) => table.get(req).then((value) => (read.push(value), value)),
          };
        },
      }),
    });
    db.use(encryptionMiddleware({ tables: { notes: {} }, keys: inMemory(keyring().keyFor) }));
    opened.push(db);
    await db.table('notes').put(note('n1'));
    await db.table('notes').get('n1');
    expect(written).toEqual([note('n1')]);
    expect(read).toEqual([note('n1')]);
  });

  it('feeds live queries plain records, as useLiveQuery will read them', async () => {
    const { notes } = await openPair();
    await notes.add(note('n1'));
    const results: Note[][] = [];
    const subscription = liveQuery(() => notes.where('caseId').equals('case-1').toArray()).subscribe((rows) => results.push(rows));
    await expect.poll(() => results.length).toBe(1);
    await notes.add(note('n2', 'case-1', 'nota nueva'));
    await expect.poll(() => results.at(-1)?.length).toBe(2);
    subscription.unsubscribe();
    expect(results.at(-1)).toEqual([note('n1'), note('n2', 'case-1', 'nota nueva')]);
  });

  it('seals what update, modify and bulkUpdate write', async () => {
    const { notes, rawNotes } = await openPair();
    await notes.bulkAdd([note('n1'), note('n2')]);
    await notes.update('n1', { text: 'corregida' });
    await notes.where('caseId').equals('case-1').modify((row) => {
      row.tags = [...(row.tags ?? []), 'revisada'];
    });
    await notes.bulkUpdate([{ key: 'n2', changes: { text: 'también corregida' } }]);
    expect(await notes.toArray()).toEqual([
      { ...note('n1', 'case-1', 'corregida'), tags: ['cartas', 'revisada'] },
      { ...note('n2', 'case-1', 'también corregida'), tags: ['cartas', 'revisada'] },
    ]);
    for (const row of await rawNotes.toArray()) expect(Object.keys(row).sort()).toEqual([SEALED_FIELD, 'caseId', 'id', 'subjectId']);
  });

  it('leaves IndexedDB holding only ids, indexed fields and sealed bytes', async () => {
    const { db, raw, notes } = await openPair();
    await notes.add(note('n1'));
    await db.table('cases').put({ id: 'case-1', title: 'Operación Estrecho' });
    await db.table('settings').put({ key: 'locale', value: 'es' });

    const [stored] = await raw.table('notes').toArray();
    expect(Object.keys(stored).sort()).toEqual([SEALED_FIELD, 'caseId', 'id', 'subjectId']);
    expect(stored).toMatchObject({ id: 'n1', caseId: 'case-1', subjectId: 'person-9' });
    const everything = JSON.stringify(await Promise.all(raw.tables.map((table) => table.toArray())), (_key, value: unknown) =>
      ArrayBuffer.isView(value) ? new TextDecoder('latin1').decode(value) : value,
    );
    for (const plain of [SECRET, 'Tánger', 'cartas', 'Operación', 'Estrecho', 'text', 'title']) expect(everything).not.toContain(plain);
    // A table not configured is left as it is.
    expect(await raw.table('settings').get('locale')).toEqual({ key: 'locale', value: 'es' });
  });

  it('reports a ciphertext moved onto another record as damaged, naming that record, on every read path', async () => {
    const { notes, rawNotes } = await openPair();
    await notes.bulkAdd([note('n1'), note('n2', 'case-1', 'nota inocua')]);
    const first = await rawNotes.get('n1');
    await rawNotes.update('n2', { [SEALED_FIELD]: first[SEALED_FIELD] });

    const damaged = expect.objectContaining({ name: 'DamagedRecordError', table: 'notes', key: '"n2"', reason: 'authentication' });
    await expect(notes.get('n2')).rejects.toEqual(damaged);
    await expect(notes.toArray()).rejects.toEqual(damaged);
    await expect(notes.each(() => undefined)).rejects.toEqual(damaged);
    await expect(notes.filter(() => true).toArray()).rejects.toBeInstanceOf(DamagedRecordError);
    expect(await notes.get('n1')).toEqual(note('n1'));
  });

  it('reports a record moved into another case, a flipped bit and a plain row as damaged', async () => {
    const { notes, rawNotes } = await openPair();
    await notes.bulkAdd([note('n1'), note('n2'), note('n3')]);
    await rawNotes.update('n1', { caseId: 'case-2' });
    const sealed = (await rawNotes.get('n2'))[SEALED_FIELD] as Uint8Array;
    const flipped = sealed.slice();
    flipped[flipped.length - 1]! ^= 0x01;
    await rawNotes.update('n2', { [SEALED_FIELD]: flipped });
    await rawNotes.put({ id: 'n4', caseId: 'case-1', subjectId: 'person-9', text: 'escrita sin cifrar' });

    await expect(notes.get('n1')).rejects.toMatchObject({ key: '"n1"', reason: 'authentication' });
    await expect(notes.get('n2')).rejects.toMatchObject({ key: '"n2"', reason: 'authentication' });
    await expect(notes.get('n4')).rejects.toMatchObject({ key: '"n4"', reason: 'missing' });
    expect(await notes.get('n3')).toEqual(note('n3'));
  });

  it('asks the key supplier by table, key and clear fields, and writes nothing when it has no key', async () => {
    const ring = keyring();
    const { notes, rawNotes } = await openPair(ring.keyFor);
    await notes.add(note('n1'));
    expect(ring.requests[0]).toMatchObject({ table: 'notes', primaryKey: 'n1', clear: { id: 'n1', caseId: 'case-1', subjectId: 'person-9' } });

    const locked = await openPair(() => {
      throw new Error('vault_locked');
    });
    await expect(locked.notes.add(note('n1'))).rejects.toThrow('vault_locked');
    expect(await locked.rawNotes.count()).toBe(0);
    expect(await rawNotes.count()).toBe(1);
  });

  it('refuses to open on a configuration it cannot honour', async () => {
    const db = new Dexie(`vault-test-${crypto.randomUUID()}`);
    db.version(1).stores({ counters: '++id' });
    db.use(encryptionMiddleware({ tables: { nowhere: {} }, keys: inMemory(() => new Uint8Array(32)) }));
    opened.push(db);
    await expect(db.open()).rejects.toThrow(/no table "nowhere"/);
  });

  it('iterates cursors that refuse a `this` other than themselves, as the browser’s IDBCursor does', async () => {
    const name = `vault-test-${crypto.randomUUID()}`;
    const db = new Dexie(name);
    db.version(1).stores(SCHEMA);
    // Below the encryption: every cursor becomes one whose members check their receiver by a private
    // field, as native accessors and methods do ("Illegal invocation" in Chromium).
    db.use(brandCheckedCursors);
    db.use(encryptionMiddleware({ tables: { notes: {} }, keys: inMemory(keyring().keyFor) }));
    opened.push(db);
    const notes = db.table<Note, string>('notes');
    await notes.bulkAdd([note('n1'), note('n2'), note('n3', 'case-2')]);
    const seen: string[] = [];
    await notes.each((row) => seen.push(row.id));
    expect(seen).toEqual(['n1', 'n2', 'n3']);
    await notes.where('caseId').equals('case-1').modify((row) => {
      row.text = 'revisada';
    });
    expect((await notes.filter((row) => row.text === 'revisada').toArray()).map((row) => row.id)).toEqual(['n1', 'n2']);
  });
});
