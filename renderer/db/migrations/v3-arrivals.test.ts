import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from './index';
import { v1CaseTables } from './v1-case-tables';
import { v2SyncTables } from './v2-sync-tables';
import { v3Arrivals } from './v3-arrivals';

describe('schema version 3', () => {
  it('adds the arrivals, keyed by case, table and bucket, and keeps version 2 data as it was', async () => {
    const name = `v3-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, [v1CaseTables, v2SyncTables]);
    await old.open();
    await old.table('persons').put({ id: 'person:1', caseId: 'case:1', primaryName: 'Kept' });
    await old.table('bundleLog').put({ id: 'received:b1', bundleId: 'b1', direction: 'received', caseId: 'case:1', caseIds: ['case:1'], at: 1, counterparts: [{ name: 'Ana' }], counts: {}, clockTo: null });
    await old.table('audit').put({ id: 'audit:1', caseId: 'case:1', workstationId: 'ws', seq: 1, hlc: 'h', recordId: 'person:1' });
    old.close();

    const upgraded = new Dexie(name);
    applyMigrations(upgraded, [v1CaseTables, v2SyncTables, v3Arrivals]);
    await upgraded.open();
    expect(upgraded.verno).toBe(3);
    expect((await upgraded.table('persons').get('person:1'))?.primaryName).toBe('Kept');
    expect((await upgraded.table('bundleLog').get('received:b1'))?.counterparts).toEqual([{ name: 'Ana' }]);
    expect(await upgraded.table('audit').where('recordId').equals('person:1').count()).toBe(1);
    const arrivals = upgraded.table('arrivals');
    expect([arrivals.schema.primKey.name, ...arrivals.schema.indexes.map((i) => i.name)]).toEqual(['[caseId+table+bucket]']);
    expect(await arrivals.count()).toBe(0);
    upgraded.close();
  });
});
