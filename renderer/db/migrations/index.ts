import type Dexie from 'dexie';
import type { Migration } from './migration';
import { v1CaseTables } from './v1-case-tables';
import { v2SyncTables } from './v2-sync-tables';
import { v3Arrivals } from './v3-arrivals';
import { v4ImportSpecs } from './v4-import-specs';
import { v5CaseKeys } from './v5-case-keys';
import { v6BlindedKeys } from './v6-blinded-keys';
import { v7SealedBlobRows } from './v7-sealed-blob-rows';

/** Every schema version, oldest first. One file per version, named for what it adds (vN-what.ts); never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [v1CaseTables, v2SyncTables, v3Arrivals, v4ImportSpecs, v5CaseKeys, v6BlindedKeys, v7SealedBlobRows];

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
