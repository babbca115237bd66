import Dexie, { type EntityTable, type Table } from 'dexie';
import { CASE_TABLE_NAMES, type AuditEntry, type CaseRecordOf, type CaseTableName, type IsoDate } from '../../shared/model';
import type { CachedLayout, SavedView, SettingRow, StoredBlob } from './local-records';
import { applyMigrations } from './migrations';
import { pastOverlayMiddleware } from './history/overlay-middleware';
import { liveNameOf, readPastOverlay } from './history/overlay-store';
import { damagedRecords } from './vault/damaged-records';
import { encryptionMiddleware } from './vault/encryption-middleware';
import { BLINDED_KEY_FIELDS, keyBlindingMiddleware } from './vault/key-blinding-middleware';
import { keyBlindingKey, workstationRecordKey } from '../../shared/vault';
import { RecordKeys } from './vault/record-keys';
import { SEALED_TABLES } from './vault/sealed-tables';
import { vaultAeadReady } from './vault/vault-aead';

/**
 * How a window or worker opens the workstation's database: its name (the live database, or a past
 * state's name, history/overlay-store.ts) and, for the sealed database, the unlocked vault key. It is
 * handed to workers in their requests; on lock they are ended with the page (renderer/vault).
 */
export interface DatabaseAddress {
  readonly name: string;
  readonly vaultKey?: Uint8Array;
}

/** A hostile message's database address checked before a worker opens anything with it. */
export function isDatabaseAddress(value: unknown): value is DatabaseAddress {
  if (typeof value !== 'object' || value === null) return false;
  const { name, vaultKey } = value as Record<string, unknown>;
  return typeof name === 'string' && name !== '' && (vaultKey === undefined || (vaultKey instanceof Uint8Array && vaultKey.length === 32));
}

export interface VigiaDatabaseOptions {
  now?: () => number;
  /**
   * Dexie keeps one cache of live-query results per database name, shared by every instance in the
   * page; a past state reads the live database under its name, so it must not share that cache.
   */
  uncached?: boolean;
  /**
   * What a read does with a stored record that does not open (vault/encryption-middleware.ts):
   * 'fail', the default, fails the read, as workers that export or bundle need (an export is never
   * silently incomplete); 'report', for the window's own database and the workers that only show the
   * case (search, network, overview), leaves it out of lists and names it in the realm's report
   * (vault/damaged-records.ts: the window's is shown; a worker's goes with the worker, the window's own
   * reads naming the same records), which is emptied when this database is closed.
   */
  damagedRecords?: 'fail' | 'report';
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
   * What workers are given to open the same view: the name it was opened by (the live database's, or
   * the past-state name of a case as known on a day) and the vault key when the database is sealed.
   */
  address: DatabaseAddress;
  /** The keys sealing this database's records, when it is sealed: wiped by `close`. */
  recordKeys: RecordKeys | undefined;
  /** Whether damaged records read here go to the window's report (VigiaDatabaseOptions.damagedRecords). */
  reportsDamaged = false;

  constructor(name: string, options: VigiaDatabaseOptions = {}) {
    super(name, options.uncached ? { cache: 'disabled' } : {});
    this.now = options.now ?? (() => Date.now());
    this.address = { name };
    applyMigrations(this);
  }

  /** The same database under another name (its past state, or the live one from a past state), with the same key. */
  addressOf(name: string): DatabaseAddress {
    return { ...this.address, name };
  }

  /** The name it was opened by (see `address`). */
  get openedAs(): string {
    return this.address.name;
  }

  override close(options?: { disableAutoOpen: boolean }): void {
    super.close(options);
    this.recordKeys?.close();
    // Locked or closed: what could not be read under these keys is no longer this window's to show.
    if (this.reportsDamaged) damagedRecords.clear();
  }

  /** Set when this is a past state (the case as known at the end of that day): read-only for case data. */
  knownOn: IsoDate | undefined;

  /** A case table by name, for code that walks CASE_TABLES (records are keyed by their `id`). */
  caseTable<T extends CaseTableName>(table: T): Table<CaseRecordOf<T>, string, CaseRecordOf<T>> {
    return this.table(table);
  }
}

/** The workstation's database before issue 16: records in clear. Moved into the sealed one, then deleted. */
export const PLAIN_DATABASE_NAME = 'vigia';
/** The workstation's database: every record sealed (renderer/db/vault). */
export const DEFAULT_DATABASE_NAME = 'vigia-sealed';

/**
 * Opens (creating or upgrading as needed) the workstation's database. With a vault key every record
 * is sealed below every other layer (vault/encryption-middleware.ts); the workstation's own database
 * is never opened without one, since its sealed rows would read as empty records.
 */
export async function openVigiaDatabase(
  at: string | DatabaseAddress = DEFAULT_DATABASE_NAME,
  options: VigiaDatabaseOptions = {},
): Promise<VigiaDatabase> {
  const address: DatabaseAddress = typeof at === 'string' ? { name: at } : at;
  const live = liveNameOf(address.name);
  if ((live ?? address.name) === DEFAULT_DATABASE_NAME && !address.vaultKey) throw new Error('the workstation’s database opens only with the vault unlocked');
  const db = new VigiaDatabase(live ?? address.name, live === undefined ? options : { ...options, uncached: true });
  db.address = address;
  if (address.vaultKey) {
    // Sealing runs inside transactions, synchronously: the fast cipher must be in place before.
    await vaultAeadReady();
    db.recordKeys = new RecordKeys(address.vaultKey);
    db.reportsDamaged = options.damagedRecords === 'report';
    db.use(
      encryptionMiddleware({
        tables: SEALED_TABLES,
        keys: db.recordKeys,
        ...(db.reportsDamaged ? { onDamaged: (damaged) => damagedRecords.add(damaged) } : {}),
      }),
    );
    db.use(
      keyBlindingMiddleware({
        fields: BLINDED_KEY_FIELDS,
        blindingKey: keyBlindingKey(address.vaultKey),
        sealingKey: workstationRecordKey(address.vaultKey),
        ...(db.reportsDamaged ? { onDamaged: (damaged) => damagedRecords.add(damaged) } : {}),
      }),
    );
  }
  if (live !== undefined) {
    // A past state: the live database seen through the overlay kept for it.
    const kept = await readPastOverlay(live, address.vaultKey);
    if (!kept) throw new Error('no past state is kept for this database');
    db.knownOn = kept.state.day;
    db.use(pastOverlayMiddleware(kept.overlay, PAST_READ_ONLY, PAST_UNCACHED));
  }
  await db.open();
  return db;
}
