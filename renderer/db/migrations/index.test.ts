import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { applyMigrations, MIGRATIONS, SCHEMA_VERSION } from './index';

describe('migrations', () => {
  it('are listed in ascending version order, the last one being the schema version', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(SCHEMA_VERSION).toBe(versions.at(-1));
  });

  it('refuses a list that is out of order', () => {
    const db = new Dexie(`migrations-${crypto.randomUUID()}`);
    expect(() => applyMigrations(db, [{ version: 2, stores: {} }, { version: 1, stores: {} }])).toThrow(/out of order/);
  });
});
