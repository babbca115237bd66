import Dexie, { type EntityTable, type Table } from 'dexie';
import type { AuditEntry, CaseRecordOf, CaseTableName } from '../../shared/model';
import type { CachedLayout, SavedView, SettingRow, StoredBlob } from './local-records';
import { applyMigrations } from './migrations';

export interface VigiaDatabaseOptions {
  now?: () => number;
}

type CaseTables = { [T in CaseTableName]: EntityTable<CaseRecordOf<T>, 'id'> };

/** The workstation's database: the one source of truth for case data (see docs/architecture.md). */
export class VigiaDatabase extends Dexie {
  declare cases: CaseTables['cases'];
  declare sources: CaseTables['sources'];
  declare prisons: CaseTables['prisons'];
  declare persons: CaseTables['persons'];
  declare stays: CaseTables['stays'];
  declare sentences: CaseTables['sentences'];
  declare links: CaseTables['links'];
  declare events: CaseTables['events'];
  declare notes: CaseTables['notes'];
  declare attachments: CaseTables['attachments'];
  declare blobs: EntityTable<StoredBlob, 'sha256'>;
  declare audit: EntityTable<AuditEntry, 'id'>;
  declare settings: EntityTable<SettingRow, 'key'>;
  declare views: EntityTable<SavedView, 'id'>;
  declare layouts: Table<CachedLayout, [string, string]>;

  /** Wall time for stamps and timestamps; injected so tests can turn the clock back. */
  readonly now: () => number;

  constructor(name: string, options: VigiaDatabaseOptions = {}) {
    super(name);
    this.now = options.now ?? (() => Date.now());
    applyMigrations(this);
  }

  /** A case table by name, for code that walks CASE_TABLES (records are keyed by their `id`). */
  caseTable<T extends CaseTableName>(table: T): Table<CaseRecordOf<T>, string, CaseRecordOf<T>> {
    return this.table(table);
  }
}

export const DEFAULT_DATABASE_NAME = 'vigia';

/** Opens (creating or upgrading as needed) the workstation's database. */
export async function openVigiaDatabase(
  name: string = DEFAULT_DATABASE_NAME,
  options: VigiaDatabaseOptions = {},
): Promise<VigiaDatabase> {
  const db = new VigiaDatabase(name, options);
  await db.open();
  return db;
}
