import { changesBetween, endOfDay, type RecordChanges } from '../../../shared/history';
import { verifyAuditChain } from '../../../shared/audit';
import { CASE_TABLE_NAMES, type AuditEntry, type CaseTableName, type IsoDate } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { getWorkstation } from '../settings';
import { loadCaseAudit } from '../sync/case-contents';

/** Who or what a changed record is, as today's records say, and the person whose panel shows it. */
export interface ChangedRecord extends RecordChanges {
  label?: string;
  personId?: string;
  /**
   * For a change a bundle brought: when the colleague made it on their workstation (their journal
   * entry that travelled with it), by this workstation's entry id. The change counts from when it
   * was applied here; their date is shown beside it.
   */
  theirDates: Record<string, number>;
}

export type ChangesReport =
  | { ok: true; changes: ChangedRecord[] }
  | { ok: false; workstationId: string; brokenAt: number };

/**
 * What changed here after the end of `from` and up to the end of `to`, per record, from the
 * journal once every chain has verified (a broken chain is reported, never read as history).
 */
export async function loadChangesBetween(db: VigiaDatabase, caseId: string, from: IsoDate, to: IsoDate): Promise<ChangesReport> {
  const [journal, workstation] = await Promise.all([loadCaseAudit(db, caseId), getWorkstation(db)]);
  const chains = new Map<string, typeof journal>();
  for (const entry of journal) chains.set(entry.workstationId, [...(chains.get(entry.workstationId) ?? []), entry]);
  for (const [workstationId, chain] of chains) {
    const report = verifyAuditChain(chain);
    if (!report.ok) return { ok: false, workstationId, brokenAt: report.brokenAt };
  }
  const changes = changesBetween(journal, workstation.workstationId, endOfDay(from), endOfDay(to));
  const described: ChangedRecord[] = [];
  const travelled = journal.filter((e) => e.workstationId !== workstation.workstationId && (e.action === 'update' || e.action === 'create'));
  for (const change of changes) {
    const theirDates: Record<string, number> = {};
    for (const entry of change.entries) {
      if (entry.bundleId === undefined || entry.action !== 'update') continue;
      const theirs = theirChange(travelled, entry.recordId, entry.after, entry.at);
      if (theirs !== undefined) theirDates[entry.id] = theirs;
    }
    described.push({ ...change, theirDates, ...(await describe(db, change.table, change.recordId)) });
  }
  return { ok: true, changes: described };
}

const isCaseTable = (table: string): table is CaseTableName => (CASE_TABLE_NAMES as readonly string[]).includes(table);

async function describe(db: VigiaDatabase, table: string, id: string): Promise<{ label?: string; personId?: string }> {
  if (!isCaseTable(table)) return {};
  const record = (await db.caseTable(table).get(id)) as Record<string, unknown> | undefined;
  if (!record) return {};
  const label = [record.primaryName, record.name, record.title].find((v): v is string => typeof v === 'string');
  // The panel that shows the record: the person's own, a stay's or sentence's person, a link's first end, an event's first participant.
  const owner = table === 'persons' ? id : (record.personId ?? record.fromId ?? (Array.isArray(record.personIds) ? record.personIds[0] : undefined));
  const personId = typeof owner === 'string' ? owner : undefined;
  return { ...(label ? { label } : {}), ...(personId ? { personId } : {}) };
}

/** The colleague's latest entry, before it arrived here, that set these fields of the record to these values. */
function theirChange(travelled: readonly AuditEntry[], recordId: string, after: unknown, appliedAt: number): number | undefined {
  const wanted = typeof after === 'object' && after !== null ? Object.entries(after) : [];
  let found: number | undefined;
  for (const entry of travelled) {
    if (entry.recordId !== recordId || entry.at > appliedAt) continue;
    const set = (typeof entry.after === 'object' && entry.after !== null ? entry.after : {}) as Record<string, unknown>;
    if (wanted.length > 0 && wanted.every(([field, value]) => field in set && JSON.stringify(set[field]) === JSON.stringify(value))) found = Math.max(found ?? 0, entry.at);
  }
  return found;
}
