import Dexie, { type EntityTable, type Table } from 'dexie';
import { CASE_TABLE_NAMES, type AuditEntry, type CaseRecordOf, type CaseTableName, type IsoDate } from '../../shared/model';
import type { CachedLayout, SavedView, SettingRow, StoredBlob } from './local-records';
import { applyMigrations } from './migrations';
import { pastOverlayMiddleware } from './history/overlay-middleware';
import { liveNameOf, readPastOverlay } from './history/overlay-store';

export interface VigiaDatabaseOptions {
  now?: () => number;
  /**
   * Dexie keeps one cache of live-query results per database name, shared by every instance in the
   * page; a past state reads the live database under its name, so it must not share that cache.
   */
  uncached?: boolean;
}

/** Tables a past state never writes: case data, the journal, attachment bytes. */
const PAST_READ_ONLY = new Set<string>([...CASE_TABLE_NAMES, 'audit', 'blobs']);
/** Caches of the live case (layouts, the large-case network): a past state neither reads nor keeps them. */
const PAST_UNCACHED = new Set<string>(['layouts']);

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
  /**
   * The name it was opened by, which workers are given to open the same view: the live database's
   * name, or the past-state name of a case as known on a day (history/overlay-store.ts).
   */
  openedAs: string;

  constructor(name: string, options: VigiaDatabaseOptions = {}) {
    super(name, options.uncached ? { cache: 'disabled' } : {});
    this.now = options.now ?? (() => Date.now());
    this.openedAs = name;
    applyMigrations(this);
  }

  /** Set when this is a past state (the case as known at the end of that day): read-only for case data. */
  knownOn: IsoDate | undefined;

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
  const live = liveNameOf(name);
  if (live === undefined) {
    const db = new VigiaDatabase(name, options);
    await db.open();
    return db;
  }
  // A past state: the live database seen through the overlay kept for it.
  const kept = await readPastOverlay(live);
  if (!kept) throw new Error('no past state is kept for this database');
  const db = new VigiaDatabase(live, { ...options, uncached: true });
  db.openedAs = name;
  db.knownOn = kept.state.day;
  db.use(pastOverlayMiddleware(kept.overlay, PAST_READ_ONLY, PAST_UNCACHED));
  await db.open();
  return db;
}
