import { changesBetween, endOfDay, type RecordChanges } from '../../../shared/history';
import { verifyAuditChain } from '../../../shared/audit';
import { CASE_TABLE_NAMES, type CaseTableName, type IsoDate } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { getWorkstation } from '../settings';
import { loadCaseAudit } from '../sync/case-contents';

/** Who or what a changed record is, as today's records say, and the person whose panel shows it. */
export interface ChangedRecord extends RecordChanges {
  label?: string;
  personId?: string;
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
  for (const change of changes) described.push({ ...change, ...(await describe(db, change.table, change.recordId)) });
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
