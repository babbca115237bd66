import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CASE_TABLE_NAMES } from '../../../shared/model';
import { freshDatabase } from '../test-support';
import { applyMigrations } from './index';
import { v1CaseTables } from './v1-case-tables';

describe('schema version 1', () => {
  it('opens with a table for every case table plus blobs, audit, settings, views and layouts', async () => {
    // Version 1 alone: later versions add tables of their own (v2.test.ts).
    const db = new Dexie(`v1-${crypto.randomUUID()}`);
    applyMigrations(db, [v1CaseTables]);
    await db.open();
    expect(db.verno).toBe(1);
    const names = db.tables.map((t) => t.name).sort();
    expect(names).toEqual([...CASE_TABLE_NAMES, 'blobs', 'audit', 'settings', 'views', 'layouts'].sort());
    db.close();
  });

  it('indexes what the queries use, and little else', async () => {
    const db = await freshDatabase();
    const indexes = (table: string) => db.table(table).schema.indexes.map((i) => i.name).sort();
    expect(indexes('links')).toEqual(['caseId', 'fromId', 'toId']);
    expect(indexes('persons')).toEqual(['caseId']);
    expect(indexes('stays')).toEqual(['caseId', 'personId']);
    expect(indexes('audit')).toEqual(['[caseId+hlc]', '[caseId+workstationId+seq]', 'recordId']);
    expect(db.table('layouts').schema.primKey.name).toBe('[caseId+viewId]');
    expect(db.table('blobs').schema.primKey.name).toBe('sha256');
    db.close();
  });

  it('stores records as plain objects and keeps a cached layout per case and view', async () => {
    const db = await freshDatabase();
    await db.layouts.put({ caseId: 'case:a', viewId: 'default', inputKey: 'k', positions: { p: { x: 1, y: 2 } }, computedAt: 1 });
    await db.layouts.put({ caseId: 'case:a', viewId: 'default', inputKey: 'k2', positions: {}, computedAt: 2 });
    const stored = await db.layouts.get(['case:a', 'default']);
    expect(stored?.inputKey).toBe('k2');
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(await db.layouts.count()).toBe(1);
    db.close();
  });
});
