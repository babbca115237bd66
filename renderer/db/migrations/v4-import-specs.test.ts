import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from './index';
import { v1CaseTables } from './v1-case-tables';
import { v2SyncTables } from './v2-sync-tables';
import { v3Arrivals } from './v3-arrivals';
import { v4ImportSpecs } from './v4-import-specs';

describe('schema version 4', () => {
  it('adds the saved import specifications, keyed by case and name, and keeps version 3 data', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, [v1CaseTables, v2SyncTables, v3Arrivals]);
    await old.open();
    await old.table('persons').put({ id: 'person:1', caseId: 'case:1', primaryName: 'Kept' });
    old.close();

    const upgraded = new Dexie(name);
    applyMigrations(upgraded, [v1CaseTables, v2SyncTables, v3Arrivals, v4ImportSpecs]);
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    expect((await upgraded.table('persons').get('person:1'))?.primaryName).toBe('Kept');
    const specs = upgraded.table('importSpecs');
    expect([specs.schema.primKey.name, ...specs.schema.indexes.map((i) => i.name)]).toEqual(['[caseId+name]']);
    expect(await specs.count()).toBe(0);
    upgraded.close();
  });
});
