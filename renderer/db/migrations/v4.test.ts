import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from './index';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

describe('schema version 4', () => {
  it('adds the saved import specifications, keyed by case and name, and keeps version 3 data', async () => {
    const name = `v4-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    applyMigrations(old, [v1, v2, v3]);
    await old.open();
    await old.table('persons').put({ id: 'person:1', caseId: 'case:1', primaryName: 'Kept' });
    old.close();

    const upgraded = new Dexie(name);
    applyMigrations(upgraded, [v1, v2, v3, v4]);
    await upgraded.open();
    expect(upgraded.verno).toBe(4);
    expect((await upgraded.table('persons').get('person:1'))?.primaryName).toBe('Kept');
    const specs = upgraded.table('importSpecs');
    expect([specs.schema.primKey.name, ...specs.schema.indexes.map((i) => i.name)]).toEqual(['[caseId+name]']);
    expect(await specs.count()).toBe(0);
    upgraded.close();
  });
});
