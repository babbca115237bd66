import Dexie, { type DBCore, type Middleware } from 'dexie';
import { caseAsKnownOn, endOfDay, type KnownCase } from '../../../shared/history';
import { CASE_TABLE_NAMES, type CaseRecordOf, type CaseTableName, type IsoDate } from '../../../shared/model';
import { VigiaDatabase } from '../database';
import { getWorkstation } from '../settings';
import { bundleLogTable } from '../sync/bundle-log';
import { loadCaseAudit, loadCaseRecords } from '../sync/case-contents';

/**
 * "The case as known on day K": a second database holding the case as this workstation held it at
 * the end of K, which the whole workstation reads instead of the live one (every screen and worker
 * takes its database from the context or by name, so each follows without knowing). It is rebuilt
 * on every request and deleted on leaving: a cache, never a copy anyone edits.
 */
export const pastDatabaseName = (liveName: string) => `${liveName}-as-known-on`;

export type PastStateResult =
  | { ok: true; databaseName: string; day: IsoDate; records: number; undone: number }
  | { ok: false; reason: 'broken_chain'; workstationId: string; brokenAt: number }
  | { ok: false; reason: 'not_known'; day: IsoDate };

export interface PastStateOptions {
  onProgress?: (done: number, total: number) => void;
}

/** Builds (replacing) the past-state database of `caseId` at the end of `day` from the live one. */
export async function buildPastState(live: VigiaDatabase, caseId: string, day: IsoDate, options: PastStateOptions = {}): Promise<PastStateResult> {
  const [current, journal, workstation, received] = await Promise.all([
    loadCaseRecords(live, [caseId]),
    loadCaseAudit(live, caseId),
    getWorkstation(live),
    bundleLogTable(live).where('caseId').equals(caseId).filter((b) => b.direction === 'received').toArray(),
  ]);
  const until = endOfDay(day);
  const known = caseAsKnownOn({
    current: new Map(CASE_TABLE_NAMES.map((table) => [table, new Map((current[table] as { id: string }[]).map((r) => [r.id, r as Record<string, unknown>]))])),
    journal,
    workstationId: workstation.workstationId,
    bundleArrivals: received.map((b) => ({ at: b.at, recordIds: b.addedRecordIds ?? [] })),
    until,
  });
  if (!known.ok) return { ok: false, reason: 'broken_chain', workstationId: known.workstationId, brokenAt: known.chain.brokenAt };
  if (!known.records.get('cases')?.has(caseId)) return { ok: false, reason: 'not_known', day };

  const name = pastDatabaseName(live.name);
  await Dexie.delete(name);
  const past = new VigiaDatabase(name);
  await past.open();
  try {
    const total = CASE_TABLE_NAMES.reduce((sum, t) => sum + (known.records.get(t)?.size ?? 0), 0);
    let done = 0;
    options.onProgress?.(done, total);
    const settings = await live.settings.toArray();
    const hashes = new Set([...(known.records.get('attachments')?.values() ?? [])].map((a) => a.sha256 as string));
    const blobs = (await live.blobs.bulkGet([...hashes])).filter((b) => b !== undefined);
    await past.transaction('rw', [...CASE_TABLE_NAMES.map((t) => past.table(t)), past.audit, past.settings, past.blobs], async () => {
      await past.settings.bulkPut(settings);
      for (const table of CASE_TABLE_NAMES) {
        const rows = recordsOf(known.records, table);
        await past.caseTable(table).bulkPut(rows as never[]);
        done += rows.length;
        options.onProgress?.(done, total);
      }
      // The journal as it stood then: History and the audit annex read it.
      await past.audit.bulkPut(journal.filter((entry) => entry.at <= until));
      await past.blobs.bulkPut(blobs);
    });
    return { ok: true, databaseName: name, day, records: total, undone: known.undone };
  } finally {
    past.close();
  }
}

function recordsOf<T extends CaseTableName>(records: KnownCase, table: T): CaseRecordOf<T>[] {
  return [...(records.get(table)?.values() ?? [])] as unknown as CaseRecordOf<T>[];
}

/** Removes the past-state database (on leaving the past state, and before building another). */
export function discardPastState(liveName: string): Promise<void> {
  return Dexie.delete(pastDatabaseName(liveName));
}

/** What a write to a past state throws: the past is read, never edited. */
export class PastStateReadOnlyError extends Error {
  constructor() {
    super('past_state_read_only');
    this.name = 'PastStateReadOnlyError';
  }
}

// Refuses every change to case data, the journal and attachment bytes below every other layer, so
// that no screen (an editor left open, an undo) can write into a reconstruction. Caches and views
// stay writable: workers keep their layout and analysis caches there like in the live database.
const GUARDED = new Set<string>([...CASE_TABLE_NAMES, 'audit', 'blobs']);
const readOnlyPast: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'past-state-read-only',
  level: -10,
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      if (!GUARDED.has(name)) return table;
      return {
        ...table,
        mutate: () => Promise.reject(new PastStateReadOnlyError()),
      };
    },
  }),
};

/** Opens a built past state for the page, read-only for case data. */
export async function openPastState(databaseName: string): Promise<VigiaDatabase> {
  const db = new VigiaDatabase(databaseName);
  db.use(readOnlyPast);
  await db.open();
  return db;
}
