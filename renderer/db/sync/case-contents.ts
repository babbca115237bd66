import Dexie from 'dexie';
import { CASE_TABLE_NAMES, emptySnapshot, type AuditEntry, type CaseSnapshot } from '../../../shared/model';
import type { VigiaDatabase } from '../database';

/** Every record of the given cases, tombstones included (a deletion must travel too). */
export async function loadCaseRecords(db: VigiaDatabase, caseIds: readonly string[]): Promise<CaseSnapshot> {
  const snapshot = emptySnapshot();
  for (const table of CASE_TABLE_NAMES) {
    const records =
      table === 'cases'
        ? (await db.cases.bulkGet([...caseIds])).filter((c) => c !== undefined)
        : await db.caseTable(table).where('caseId').anyOf([...caseIds]).toArray();
    (snapshot[table] as unknown[]).push(...records);
  }
  return snapshot;
}

/** A case's audit log, every workstation's chain, in clock order. */
export function loadCaseAudit(db: VigiaDatabase, caseId: string): Promise<AuditEntry[]> {
  return db.audit.where('[caseId+hlc]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}
