import fc from 'fast-check';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { VigiaDatabase } from '../database';
import { pastOverlayMiddleware, PastStateReadOnlyError, type Overlay } from './overlay-middleware';

// The invariant: any read through the overlay answers exactly what a database physically holding
// the past records would answer: the live rows with the overlay's records in place of theirs, and
// without those the overlay marks absent. Checked over random cases and overlays for the kinds of
// reads the workstation makes (by id, by index and range, reversed, limited, offset, filtered by a
// cursor, counted, ordered, keys only).

interface Row {
  id: string;
  caseId: string;
  fromId?: string;
  toId: string;
  hlc: string;
}

const ids = fc.constantFrom('link:a', 'link:b', 'link:c', 'link:d', 'link:e', 'link:f', 'link:g');
const row = (id: string) =>
  fc.record({
    id: fc.constant(id),
    caseId: fc.constantFrom('case:1', 'case:2'),
    fromId: fc.option(fc.constantFrom('p1', 'p2', 'p3'), { nil: undefined }),
    toId: fc.constantFrom('p1', 'p2', 'p3'),
    hlc: fc.constantFrom('001', '002', '003', '004'),
  });
const live = fc.uniqueArray(ids, { maxLength: 7 }).chain((chosen) => fc.tuple(...chosen.map(row)));
const overlay = fc.uniqueArray(ids, { maxLength: 4 }).chain((chosen) => fc.tuple(...chosen.map((id) => fc.option(row(id), { nil: null }))).map((records) => records.map((record, i) => [chosen[i]!, record] as const)));

let counter = 0;
async function database(rows: readonly Row[], through?: Overlay): Promise<VigiaDatabase> {
  const db = new VigiaDatabase(`overlay-test-${++counter}`);
  await db.open();
  const clean = rows.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
  await db.table('links').bulkPut(clean);
  if (!through) return db;
  db.close();
  const seen = new VigiaDatabase(db.name);
  seen.use(pastOverlayMiddleware(through, new Set(['links'])));
  await seen.open();
  return seen;
}

/** The reads compared, each as the app would make them. */
const reads: Record<string, (db: VigiaDatabase) => Promise<unknown>> = {
  get: (db) => db.table('links').get('link:c'),
  bulkGet: (db) => db.table('links').bulkGet(['link:a', 'link:d', 'link:z']),
  byCase: (db) => db.table('links').where('caseId').equals('case:1').toArray(),
  byCaseReversedLimited: (db) => db.table('links').where('caseId').equals('case:1').reverse().limit(2).toArray(),
  fromBetween: (db) => db.table('links').where('fromId').between('p1', 'p2', true, true).toArray(),
  toAnyOf: (db) => db.table('links').where('toId').anyOf('p1', 'p3').toArray(),
  filtered: (db) => db.table('links').where('caseId').equals('case:2').filter((l: Row) => l.hlc >= '002').toArray(),
  offset: (db) => db.table('links').where('caseId').equals('case:1').offset(1).toArray(),
  counted: (db) => db.table('links').where('toId').equals('p2').count(),
  countAll: (db) => db.table('links').count(),
  ordered: (db) => db.table('links').orderBy('toId').toArray(),
  orderedReversed: (db) => db.table('links').orderBy('toId').reverse().limit(3).toArray(),
  primaryKeys: (db) => db.table('links').where('caseId').equals('case:1').primaryKeys(),
  keys: (db) => db.table('links').orderBy('fromId').keys(),
  uniqueKeys: (db) => db.table('links').orderBy('toId').uniqueKeys(),
  first: (db) => db.table('links').orderBy('id').first(),
  last: (db) => db.table('links').orderBy('id').last(),
  each: async (db) => {
    const seen: string[] = [];
    await db.table('links').where('caseId').equals('case:2').each((l: Row) => seen.push(l.id));
    return seen;
  },
  everything: (db) => db.table('links').toArray(),
};

describe('a past state read through the overlay', () => {
  it('answers every read as a database holding the past records would', async () => {
    await fc.assert(
      fc.asyncProperty(live, overlay, async (rows, changes) => {
        const past = new Map(rows.map((r) => [r.id, r as Row]));
        for (const [id, record] of changes) {
          if (record) past.set(id, record);
          else past.delete(id);
        }
        const through = await database(rows, new Map([['links', new Map(changes.map(([id, r]) => [id, r ? { ...Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) } : null]))]]));
        const copy = await database([...past.values()]);
        try {
          for (const [name, read] of Object.entries(reads)) expect([name, await read(through)]).toEqual([name, await read(copy)]);
        } finally {
          through.close();
          copy.close();
          await Dexie.delete(through.name);
          await Dexie.delete(copy.name);
        }
      }),
      { numRuns: 60 },
    );
    // Sixty cases of twenty reads each in fake-indexeddb: about 1.5 s alone, several times that on a busy machine.
  }, 60_000);

  it('refuses every write to a guarded table, whatever the overlay holds', async () => {
    const through = await database([{ id: 'link:a', caseId: 'case:1', toId: 'p1', hlc: '001' }], new Map());
    await expect(through.table('links').put({ id: 'link:b', caseId: 'case:1', toId: 'p1', hlc: '001' })).rejects.toBeInstanceOf(PastStateReadOnlyError);
    await expect(through.table('links').delete('link:a')).rejects.toBeInstanceOf(PastStateReadOnlyError);
    await expect(through.table('links').where('caseId').equals('case:1').modify({ toId: 'p2' })).rejects.toThrow();
    expect(await through.table('links').count()).toBe(1);
    // Not guarded: settings still write in a past state.
    await through.table('settings').put({ key: 'x', value: 1 });
    through.close();
  });

  it("neither reads nor keeps the live case's caches", async () => {
    const db = new VigiaDatabase(`overlay-test-${++counter}`);
    await db.open();
    await db.layouts.put({ caseId: 'case:1', viewId: 'case-network', inputKey: 'k', positions: {}, computedAt: 1 });
    db.close();
    const past = new VigiaDatabase(db.name);
    past.use(pastOverlayMiddleware(new Map(), new Set(), new Set(['layouts'])));
    await past.open();
    expect(await past.layouts.get(['case:1', 'case-network'])).toBeUndefined();
    await past.layouts.put({ caseId: 'case:1', viewId: 'case-network', inputKey: 'past', positions: {}, computedAt: 2 });
    expect(await past.layouts.count()).toBe(0);
    past.close();
    const live = new VigiaDatabase(db.name);
    await live.open();
    expect((await live.layouts.get(['case:1', 'case-network']))?.inputKey).toBe('k');
    live.close();
  });
});
