import type Dexie from 'dexie';
import type { Migration } from './migration';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';

/** Every schema version, oldest first. Add a file per version; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4];

export function applyMigrations(db: Dexie, migrations: readonly Migration[] = MIGRATIONS): void {
  let previous = 0;
  for (const migration of migrations) {
    if (migration.version <= previous) throw new Error(`migrations out of order at version ${migration.version}`);
    previous = migration.version;
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
}

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
export type { Migration };
