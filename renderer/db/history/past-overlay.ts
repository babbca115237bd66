import { caseAsKnownOn, endOfDay, type KnownCase } from '../../../shared/history';
import { CASE_TABLE_NAMES, type CaseTableName, type IsoDate } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { getWorkstation } from '../settings';
import { bundleLogTable } from '../sync/bundle-log';
import { loadCaseAudit } from '../sync/case-contents';
import { OverlayDatabase, overlayDatabaseName, type OverlayRow } from './overlay-store';

export type PastOverlayResult =
  | { ok: true; day: IsoDate; changed: number; undone: number }
  | { ok: false; reason: 'broken_chain'; workstationId: string; brokenAt: number }
  | { ok: false; reason: 'not_known'; day: IsoDate };

/**
 * Computes the overlay of `caseId` at the end of `day` from the live database and keeps it (see
 * overlay-store.ts). It reads the journal and the records later changes name, not the whole case,
 * so its cost follows what changed since K, not the size of the case.
 */
export async function buildPastOverlay(live: VigiaDatabase, caseId: string, day: IsoDate): Promise<PastOverlayResult> {
  const until = endOfDay(day);
  const [journal, workstation, received] = await Promise.all([
    loadCaseAudit(live, caseId),
    getWorkstation(live),
    bundleLogTable(live).where('caseId').equals(caseId).filter((b) => b.direction === 'received').toArray(),
  ]);
  const local = journal.filter((e) => e.workstationId === workstation.workstationId);
  const caseSince = local.find((e) => (e.action === 'create' && e.table === 'cases') || e.action === 'import')?.at;
  if (caseSince === undefined || caseSince > until) return { ok: false, reason: 'not_known', day };

  // The records a later change touched, as they are now: the only ones whose past differs.
  const touched = new Map<CaseTableName, Set<string>>();
  const touch = (table: string, id: string) => {
    if (!(CASE_TABLE_NAMES as readonly string[]).includes(table)) return;
    const ids = touched.get(table as CaseTableName) ?? new Set<string>();
    ids.add(id);
    touched.set(table as CaseTableName, ids);
  };
  for (const entry of local) if (entry.at > until && entry.action !== 'import' && entry.action !== 'export') touch(entry.table, entry.recordId);
  const arrivals = received.map((b) => ({ at: b.at, recordIds: b.addedRecordIds ?? [] }));
  const lateArrivals = new Set(arrivals.filter((b) => b.at > until).flatMap((b) => b.recordIds));
  const current: KnownCase = new Map();
  for (const table of CASE_TABLE_NAMES) {
    const ids = [...(touched.get(table) ?? [])];
    const rows = new Map<string, Record<string, unknown>>();
    if (table !== 'cases') {
      // A record a late bundle added: found in whichever table holds it.
      for (const record of await live.caseTable(table).bulkGet([...lateArrivals])) if (record) rows.set(record.id, record as Record<string, unknown>);
    }
    for (const record of await live.caseTable(table).bulkGet(ids)) if (record) rows.set(record.id, record as Record<string, unknown>);
    current.set(table, rows);
  }

  const known = caseAsKnownOn({ current, journal, workstationId: workstation.workstationId, bundleArrivals: arrivals, until });
  if (!known.ok) return { ok: false, reason: 'broken_chain', workstationId: known.workstationId, brokenAt: known.chain.brokenAt };

  const rows: OverlayRow[] = [];
  for (const [table, before] of current) {
    const past = known.records.get(table);
    for (const id of before.keys()) rows.push({ table, id, record: past?.get(id) ?? null });
  }
  // The journal as it stood: entries written after K are not shown.
  for (const entry of journal) if (entry.at > until) rows.push({ table: 'audit', id: entry.id, record: null });

  const store = new OverlayDatabase(overlayDatabaseName(live.name), live.address.vaultKey);
  try {
    await store.transaction('rw', store.overlay, store.state, async () => {
      await store.overlay.clear();
      await store.overlay.bulkPut(rows);
      await store.state.put({ key: 'state', liveName: live.name, caseId, day });
    });
  } finally {
    store.close();
  }
  return { ok: true, day, changed: rows.length, undone: known.undone };
}

