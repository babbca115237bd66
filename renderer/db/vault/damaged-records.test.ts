import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DamagedRecordError, SEALED_FIELD } from '../../../shared/vault/record-cipher';
import { openVigiaDatabase, type VigiaDatabase } from '../database';
import { freshDatabase, syntheticSnapshot } from '../test-support';
import { damagedRecords, DamagedRecords } from './damaged-records';

const opened: Dexie[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('DamagedRecords', () => {
  it('keeps each record once, by table and key, and tells its listeners of each change', () => {
    const report = new DamagedRecords();
    let told = 0;
    const stop = report.subscribe(() => (told += 1));
    report.add(new DamagedRecordError('persons', 'person:1', 'authentication'));
    const first = report.list();
    report.add(new DamagedRecordError('persons', 'person:1', 'format'));
    expect(report.list()).toBe(first);
    report.add(new DamagedRecordError('notes', 'person:1', 'key'));
    expect(report.list()).toEqual([
      { table: 'persons', key: '"person:1"', reason: 'authentication' },
      { table: 'notes', key: '"person:1"', reason: 'key' },
    ]);
    expect(told).toBe(2);
    report.clear();
    expect(report.list()).toEqual([]);
    expect(told).toBe(3);
    stop();
    report.add(new DamagedRecordError('notes', 'note:1', 'key'));
    expect(told).toBe(3);
  });
});

/** A workstation database holding three people of one case, the second one's sealed bytes with one bit flipped. */
async function withDamagedPerson(options: Parameters<typeof freshDatabase>[0]): Promise<VigiaDatabase> {
  const db = await freshDatabase(options);
  opened.push(db);
  await db.persons.bulkPut(syntheticSnapshot(3, 0, 1, 'case:1').persons);
  const raw = new Dexie(db.name);
  await raw.open();
  const stored = (await raw.table('persons').get('person:1'))[SEALED_FIELD] as Uint8Array;
  const flipped = stored.slice();
  flipped[stored.length - 1]! ^= 0x80;
  await raw.table('persons').update('person:1', { [SEALED_FIELD]: flipped });
  raw.close();
  return db;
}

describe('the window’s database, opened to report damaged records', () => {
  it('shows the rest of a list, names the damaged record in the window’s report, and forgets it on close', async () => {
    const db = await withDamagedPerson({ damagedRecords: 'report' });
    const people = await db.persons.where('caseId').equals('case:1').toArray();
    expect(people.map((p) => p.id)).toEqual(['person:0', 'person:2']);
    expect(damagedRecords.list()).toEqual([{ table: 'persons', key: '"person:1"', reason: 'authentication' }]);
    await expect(db.persons.get('person:1')).rejects.toBeInstanceOf(DamagedRecordError);

    // A worker's database (no option) fails the read instead, and reports nothing.
    const worker = await openVigiaDatabase(db.address);
    opened.push(worker);
    await expect(worker.persons.where('caseId').equals('case:1').toArray()).rejects.toMatchObject({ table: 'persons', key: '"person:1"' });
    worker.close();
    expect(damagedRecords.list()).toHaveLength(1);

    db.close();
    expect(damagedRecords.list()).toEqual([]);
  });

  it('fails the read by default', async () => {
    const db = await withDamagedPerson({});
    await expect(db.persons.toArray()).rejects.toBeInstanceOf(DamagedRecordError);
    expect(damagedRecords.list()).toEqual([]);
  });
});
