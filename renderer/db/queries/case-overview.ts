import Dexie from 'dexie';
import type { VigiaDatabase } from '../database';
import type { CachedLayout } from '../local-records';

/**
 * The prison overview a large case opens on, cached beside the case's layouts (one row per case in
 * `layouts`, view id `prison-overview`). What it holds belongs to the network view; here it is
 * only kept and handed back while the case has not changed since.
 */
export const OVERVIEW_VIEW_ID = 'prison-overview';

/** A cached layout row that also carries the overview it was drawn from. */
type CachedOverviewRow = CachedLayout & { overview: unknown };

/** How many person records the case has (deleted ones included): an index count, nothing read. */
export function countCasePersonRecords(db: VigiaDatabase, caseId: string): Promise<number> {
  return db.persons.where('caseId').equals(caseId).count();
}

/**
 * Names the case's current state without reading its records: every write appends an audit entry
 * in the same transaction (merged entries from colleagues and imports too), so the number of the
 * case's entries and the newest clock change whenever anything in the case does.
 */
export async function caseStateKey(db: VigiaDatabase, caseId: string): Promise<string> {
  const range = db.audit.where('[caseId+hlc]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]);
  const [count, newest] = await Promise.all([range.count(), range.last()]);
  return `${count}|${newest?.hlc ?? ''}`;
}

/** The state (caseStateKey) of every case on the workstation that is not deleted, by case id. */
export async function caseStates(db: VigiaDatabase): Promise<Map<string, string>> {
  const cases = await db.cases.filter((c) => !c.deleted).primaryKeys();
  const keys = await Promise.all(cases.map((caseId) => caseStateKey(db, caseId)));
  return new Map(cases.map((caseId, i) => [caseId, keys[i]!]));
}

/** The cached overview of the case when it was computed for the same state, else undefined. */
export async function getCachedOverview<T>(db: VigiaDatabase, caseId: string, stateKey: string, isOverview: (value: unknown) => value is T): Promise<T | undefined> {
  const row = (await db.layouts.get([caseId, OVERVIEW_VIEW_ID])) as Partial<CachedOverviewRow> | undefined;
  if (!row || row.inputKey !== stateKey || !isOverview(row.overview)) return undefined;
  return row.overview;
}

/** Keeps the newest overview of the case (computed for `stateKey`), replacing the previous one. */
export async function putCachedOverview(db: VigiaDatabase, caseId: string, stateKey: string, overview: unknown): Promise<void> {
  const row: CachedOverviewRow = { caseId, viewId: OVERVIEW_VIEW_ID, inputKey: stateKey, positions: {}, computedAt: db.now(), overview };
  await db.layouts.put(row);
}
