import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from './index';
import { v1CaseTables } from './v1-case-tables';
import { v2SyncTables } from './v2-sync-tables';

describe('schema version 2', () => {
  it('adds the identity, keyring and bundle log, and keeps version 1 data as it was', async () => {
    const name = `v2-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, [v1CaseTables]);
    await old.open();
    await old.table('persons').put({ id: 'person:1', caseId: 'case:1', primaryName: 'Kept' });
    old.close();

    const upgraded = new Dexie(name);
    applyMigrations(upgraded, [v1CaseTables, v2SyncTables]);
    await upgraded.open();
    expect(upgraded.verno).toBe(2);
    expect((await upgraded.table('persons').get('person:1'))?.primaryName).toBe('Kept');
    const keys = (table: string) => [upgraded.table(table).schema.primKey.name, ...upgraded.table(table).schema.indexes.map((i) => i.name)];
    expect(keys('identity')).toEqual(['id']);
    expect(keys('contacts')).toEqual(['fingerprint']);
    expect(keys('bundleLog')).toEqual(['id', 'caseId']);
    upgraded.close();
  });
});
