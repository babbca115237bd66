import Dexie, { liveQuery, type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DamagedRecordError, SEALED_FIELD } from '../../../shared/vault/record-cipher';
import { brandCheckedCursors } from './brand-checked-cursor';
import { encryptionMiddleware, replaceDamagedIn, type RecordKeySource } from './encryption-middleware';

// Damaged records in the window's tolerant mode (`onDamaged`): lists show the rest and name the
// damaged ones; a single read, a read-write transaction and the strict mode still fail.

interface Note {
  id: string;
  caseId: string;
  subjectId: string;
  text: string;
}

const SCHEMA = { notes: 'id, caseId, subjectId' };
const IDS = ['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8'];
/** n2 carries n1's ciphertext (swapped), n4 one flipped bit, n6 a ciphertext cut short. */
const DAMAGED = ['n2', 'n4', 'n6'];
const GOOD = IDS.filter((id) => !DAMAGED.includes(id));

const note = (id: string): Note => ({ id, caseId: 'case-1', subjectId: 'person-9', text: `nota ${id}` });
const ids = (rows: readonly (Note | undefined)[]) => rows.map((row) => row?.id);

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** One key for every record, in memory: what is tested here is the reading, not the key lookup. */
function oneKey(): RecordKeySource {
  const key = crypto.getRandomValues(new Uint8Array(32));
  return { tables: [], keyFor: () => key, load: () => Dexie.Promise.resolve() };
}

interface Setup {
  db: Dexie;
  notes: Table<Note, string>;
  reported: DamagedRecordError[];
}

/**
 * A sealed database holding IDS, three of them tampered with through a second handle on the same
 * IndexedDB without the middleware (what someone with the disk could do), and whether the database
 * reads tolerantly (reporting into `reported`) or strictly.
 */
async function damagedDatabase(mode: 'tolerant' | 'strict', brandChecked = false): Promise<Setup> {
  const name = `vault-damaged-${crypto.randomUUID()}`;
  const db = new Dexie(name);
  db.version(1).stores(SCHEMA);
  if (brandChecked) {
    // Below the encryption, every cursor refuses a receiver other than itself, as native IDBCursor does.
    db.use(brandCheckedCursors);
  }
  const reported: DamagedRecordError[] = [];
  db.use(encryptionMiddleware({ tables: { notes: {} }, keys: oneKey(), ...(mode === 'tolerant' ? { onDamaged: (damaged) => reported.push(damaged) } : {}) }));
  await db.open();
  const notes = db.table<Note, string>('notes');
  await notes.bulkAdd(IDS.map(note));

  const raw = new Dexie(name);
  await raw.open();
  const rawNotes = raw.table('notes');
  const sealedOf = async (id: string) => (await rawNotes.get(id))[SEALED_FIELD] as Uint8Array;
  await rawNotes.update('n2', { [SEALED_FIELD]: await sealedOf('n1') });
  const flipped = (await sealedOf('n4')).slice();
  flipped[20]! ^= 0x04;
  await rawNotes.update('n4', { [SEALED_FIELD]: flipped });
  await rawNotes.update('n6', { [SEALED_FIELD]: (await sealedOf('n6')).slice(0, 30) });
  raw.close();

  opened.push(db);
  return { db, notes, reported };
}

/** The records reported, once each, by table and key (a read may meet one more than once). */
const named = (reported: readonly DamagedRecordError[]) => [...new Set(reported.map((error) => `${error.table} ${error.key}`))].sort();
const EXPECTED_NAMES = DAMAGED.map((id) => `notes "${id}"`);

describe('encryptionMiddleware with damaged records, tolerant', () => {
  let setup: Setup;
  beforeEach(async () => {
    setup = await damagedDatabase('tolerant');
  });

  it('leaves exactly the damaged records out of a whole-table read and names each one', async () => {
    const { notes, reported } = setup;
    expect(ids(await notes.toArray())).toEqual(GOOD);
    expect(named(reported)).toEqual(EXPECTED_NAMES);
    expect(reported.map((error) => error.reason)).toEqual(['authentication', 'authentication', 'authentication']);
    expect(reported.every((error) => error instanceof DamagedRecordError)).toBe(true);
  });

  it('leaves them out of index queries, filters and each', async () => {
    const { notes, reported } = setup;
    expect(ids(await notes.where('caseId').equals('case-1').toArray())).toEqual(GOOD);
    expect(ids(await notes.where('subjectId').anyOf('person-9', 'person-1').toArray())).toEqual(GOOD);
    expect(ids(await notes.filter((row) => row.text.startsWith('nota')).toArray())).toEqual(GOOD);
    expect(ids(await notes.where('caseId').equals('case-1').filter(() => true).toArray())).toEqual(GOOD);
    const seen: string[] = [];
    await notes.each((row) => seen.push(row.id));
    expect(seen).toEqual(GOOD);
    expect(ids(await notes.orderBy('id').reverse().toArray())).toEqual([...GOOD].reverse());
    expect(named(reported)).toEqual(EXPECTED_NAMES);
  });

  it('answers getMany (bulkGet) with undefined for a damaged record, in its place', async () => {
    const { notes, reported } = setup;
    expect(ids(await notes.bulkGet(['n1', 'n2', 'n3', 'missing', 'n6']))).toEqual(['n1', undefined, 'n3', undefined, undefined]);
    expect(named(reported)).toEqual(['notes "n2"', 'notes "n6"']);
  });

  it('fills a limited read and pages by offset over the records that open, without repeats or gaps', async () => {
    const { notes } = setup;
    // A plain limited read is one IndexedDB query: it asks again for as many as it lost.
    expect(ids(await notes.limit(3).toArray())).toEqual(['n1', 'n3', 'n5']);
    expect(ids(await notes.orderBy('id').reverse().limit(2).toArray())).toEqual(['n8', 'n7']);
    expect(ids(await notes.where('caseId').equals('case-1').first().then((row) => [row]))).toEqual(['n1']);
    // An offset runs a cursor and advances it: it counts the records shown, not the rows stored.
    const pages: (string | undefined)[][] = [];
    for (let offset = 0; offset < IDS.length; offset += 2) pages.push(ids(await notes.orderBy('id').offset(offset).limit(2).toArray()));
    expect(pages).toEqual([['n1', 'n3'], ['n5', 'n7'], ['n8'], []]);
    expect(ids(await notes.where('caseId').equals('case-1').offset(3).toArray())).toEqual(['n7', 'n8']);
    // Paging by key, as the move of a plain database does: every page full until the last.
    const paged: string[] = [];
    let last: string | undefined;
    for (;;) {
      const page = await (last === undefined ? notes.orderBy(':id') : notes.where(':id').above(last)).limit(2).toArray();
      paged.push(...page.map((row) => row.id));
      if (page.length < 2) break;
      last = page.at(-1)!.id;
    }
    expect(paged).toEqual(GOOD);
  });

  it('still counts and lists the keys of damaged records: keys are in clear and count opens nothing', async () => {
    const { notes, reported } = setup;
    expect(await notes.count()).toBe(IDS.length);
    expect(await notes.where('caseId').equals('case-1').primaryKeys()).toEqual(IDS);
    expect(reported).toEqual([]);
    // A count with a filter reads the values through a cursor, which leaves damaged ones out.
    expect(await notes.filter(() => true).count()).toBe(GOOD.length);
  });

  it('feeds live queries the records that open', async () => {
    const { notes } = setup;
    const results: string[][] = [];
    const subscription = liveQuery(() => notes.where('caseId').equals('case-1').toArray()).subscribe((rows) => results.push(rows.map((row) => row.id)));
    await expect.poll(() => results.length).toBe(1);
    subscription.unsubscribe();
    expect(results[0]).toEqual(GOOD);
  });

  it('still fails a single get of a damaged record, naming it, and reports it', async () => {
    const { notes, reported } = setup;
    await expect(notes.get('n4')).rejects.toMatchObject({ name: 'DamagedRecordError', table: 'notes', key: '"n4"', reason: 'authentication' });
    await expect(notes.get('n6')).rejects.toBeInstanceOf(DamagedRecordError);
    expect(await notes.get('n5')).toEqual(note('n5'));
    expect(named(reported)).toEqual(['notes "n4"', 'notes "n6"']);
  });

  it('reads strictly in a read-write transaction: modify fails rather than delete what it could not read', async () => {
    const { db, notes, reported } = setup;
    await expect(db.transaction('rw', notes, () => notes.toArray())).rejects.toBeInstanceOf(DamagedRecordError);
    // Dexie's modify reads the records by key, then writes them back: one read as missing would be
    // handed to the change as nothing (a TypeError, or deleted by a modifier that drops empty ones).
    await expect(notes.where('caseId').equals('case-1').modify({ text: 'revisada' })).rejects.toBeInstanceOf(DamagedRecordError);
    expect(await notes.count()).toBe(IDS.length);
    expect(ids(await notes.toArray())).toEqual(GOOD);
    expect((await notes.get('n1'))?.text).toBe('nota n1');
    expect(named(reported)).toEqual(EXPECTED_NAMES);
  });

  it('leaves them out of a read-write transaction that replaces damaged records of that table, and collects them', async () => {
    const { db, notes } = setup;
    // Named for another table only: this one still reads strictly.
    await expect(
      db.transaction('rw', notes, (tx) => {
        replaceDamagedIn(tx.idbtrans, ['sources']);
        return notes.toArray();
      }),
    ).rejects.toBeInstanceOf(DamagedRecordError);
    const leftOut = await db.transaction('rw', notes, async (tx) => {
      const collected = replaceDamagedIn(tx.idbtrans, ['notes']);
      expect(ids(await notes.toArray())).toEqual(GOOD);
      expect(ids(await notes.bulkGet(['n1', 'n2']))).toEqual(['n1', undefined]);
      expect(ids(await notes.filter(() => true).toArray())).toEqual(GOOD);
      await notes.bulkPut(DAMAGED.map(note));
      return collected.map((damaged) => damaged.key);
    });
    expect([...new Set(leftOut)].sort()).toEqual(DAMAGED.map((id) => `"${id}"`));
    // Written again in that transaction: they open now, and a plain read-write transaction is strict again.
    expect(await db.transaction('rw', notes, () => notes.toArray())).toEqual(IDS.map(note));
  });

  it('steps a cursor over damaged records by DBCore `next` too', async () => {
    const { db, notes } = setup;
    // Every key (Dexie's DBCoreRangeType.Any, a const enum this build cannot import).
    const range = { type: 3, lower: undefined, upper: undefined, lowerOpen: false, upperOpen: false } as const;
    const seen = await db.transaction('r', notes, async (tx) => {
      const table = db.core.table('notes');
      const cursor = await table.openCursor({ trans: tx.idbtrans, values: true, query: { index: table.schema.primaryKey, range } });
      const steps: string[] = [];
      while (cursor && !cursor.done) {
        steps.push((cursor.value as Note).id);
        await cursor.next();
      }
      return steps;
    });
    expect(seen).toEqual(GOOD);
  });
});

describe('encryptionMiddleware with damaged records, on cursors that check their receiver', () => {
  it('leaves damaged records out through a native-like cursor, by delegation', async () => {
    const { notes, reported } = await damagedDatabase('tolerant', true);
    const seen: string[] = [];
    await notes.each((row) => seen.push(row.id));
    expect(seen).toEqual(GOOD);
    expect(ids(await notes.filter(() => true).toArray())).toEqual(GOOD);
    expect(ids(await notes.orderBy('id').offset(2).limit(2).toArray())).toEqual(['n5', 'n7']);
    expect(named(reported)).toEqual(EXPECTED_NAMES);
  });
});

describe('encryptionMiddleware with damaged records, strict (workers that export or bundle)', () => {
  it('fails every read that meets a damaged record', async () => {
    const { notes } = await damagedDatabase('strict');
    const damaged = expect.objectContaining({ name: 'DamagedRecordError', table: 'notes', key: '"n2"' });
    await expect(notes.toArray()).rejects.toEqual(damaged);
    await expect(notes.where('caseId').equals('case-1').toArray()).rejects.toEqual(damaged);
    await expect(notes.each(() => undefined)).rejects.toEqual(damaged);
    await expect(notes.filter(() => true).toArray()).rejects.toEqual(damaged);
    await expect(notes.bulkGet(['n1', 'n2'])).rejects.toEqual(damaged);
    await expect(notes.orderBy('id').offset(1).limit(2).toArray()).rejects.toEqual(damaged);
    await expect(notes.get('n2')).rejects.toEqual(damaged);
    // What opens still opens; what only counts still counts.
    expect(await notes.get('n1')).toEqual(note('n1'));
    expect(await notes.count()).toBe(IDS.length);
  });
});
