import { describe, expect, it } from 'vitest';
import { parseStamp } from '../../shared/model';
import { importSnapshot } from './import-snapshot';
import { verifyCaseAudit } from './queries/audit';
import { createPerson } from './repositories/persons';
import { countRecords, dumpDatabase, freshDatabase, syntheticSnapshot } from './test-support';

describe('importSnapshot', () => {
  it('writes every record in chunks, reports progress and appends one import entry with the counts', async () => {
    const db = await freshDatabase();
    const snapshot = syntheticSnapshot(500, 2_000, 10);
    const total = countRecords(snapshot);
    const progress: Array<[number, number]> = [];
    const report = await importSnapshot(db, snapshot, { chunkSize: 400, onProgress: (done, all) => progress.push([done, all]) });

    expect(report.counts).toMatchObject({ cases: 1, prisons: 10, persons: 500, stays: 500, links: 2_000, notes: 0 });
    expect(report.caseIds).toEqual(['case:synthetic']);
    expect(await db.persons.count()).toBe(500);
    expect(await db.links.count()).toBe(2_000);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([done], i) => i === 0 || done > progress[i - 1]![0])).toBe(true);
    // 1 case + 1 prison chunk + 2 person chunks + 2 stay chunks + 5 link chunks, and the start.
    expect(progress).toHaveLength(12);

    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'import', table: 'cases', recordId: 'case:synthetic' });
    expect(audit[0]!.after).toEqual({ counts: { cases: 1, prisons: 10, persons: 500, stays: 500, links: 2_000 } });
  });

  it('replaces in place when the same snapshot is imported again', async () => {
    const db = await freshDatabase();
    const snapshot = syntheticSnapshot(50, 100, 5);
    await importSnapshot(db, snapshot);
    const records = await dumpDatabase(db);
    await importSnapshot(db, snapshot);
    const again = await dumpDatabase(db);
    for (const table of ['cases', 'prisons', 'persons', 'stays', 'links']) expect(again[table]).toEqual(records[table]);
    expect(await db.audit.count()).toBe(2);
    expect((await verifyCaseAudit(db, 'case:synthetic')).ok).toBe(true);
  });

  it('writes nothing when one record cannot be stored', async () => {
    const db = await freshDatabase();
    const snapshot = syntheticSnapshot(50, 100, 5);
    (snapshot.links[60] as { id: unknown }).id = { not: 'a key' };
    const before = await dumpDatabase(db);
    await expect(importSnapshot(db, snapshot, { chunkSize: 10 })).rejects.toThrow();
    expect(await dumpDatabase(db)).toEqual(before);
  });

  it('moves the clock past the imported stamps, so a later edit sorts after them', async () => {
    const db = await freshDatabase({ now: () => 1_700_000_000_000 });
    const snapshot = syntheticSnapshot(3, 2, 1);
    const ahead = '1700003600000-0005-ws-colleague';
    snapshot.persons[0]!.hlc = ahead;
    await importSnapshot(db, snapshot);
    const created = await createPerson(db, 'case:synthetic', { primaryName: 'Nuevo' });
    expect(created.ok && created.value.hlc > ahead).toBe(true);
    expect(created.ok && parseStamp(created.value.hlc)?.millis).toBe(1_700_003_600_000);
  });

  it('leaves stamps from more than a day ahead out of the clock and says how many', async () => {
    const db = await freshDatabase({ now: () => 1_700_000_000_000 });
    const snapshot = syntheticSnapshot(3, 2, 1);
    snapshot.persons[0]!.hlc = '1800000000000-0000-ws-broken';
    const report = await importSnapshot(db, snapshot);
    expect(report.futureStamps).toBe(1);
    const created = await createPerson(db, 'case:synthetic', { primaryName: 'Nuevo' });
    expect(created.ok && parseStamp(created.value.hlc)?.millis).toBe(1_700_000_000_000);
  });
});
