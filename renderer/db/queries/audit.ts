import Dexie from 'dexie';
import { verifyAuditChain, type AuditChainReport } from '../../../shared/audit';
import type { AuditEntry } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { groupBy } from './case-network';

/** A record's History: every audit entry about it, oldest first (in clock order). */
export async function loadRecordHistory(db: VigiaDatabase, recordId: string): Promise<AuditEntry[]> {
  const entries = await db.audit.where('recordId').equals(recordId).toArray();
  return entries.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
}

/** The case journal, newest first. */
export function loadCaseJournal(db: VigiaDatabase, caseId: string, limit = 200): Promise<AuditEntry[]> {
  return db.audit
    .where('[caseId+hlc]')
    .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

export interface CaseAuditReport {
  ok: boolean;
  /** One hash chain per workstation that changed the case. */
  chains: Array<{ workstationId: string; report: AuditChainReport }>;
}

/** Verifies every workstation's hash chain for a case and says where one is broken. */
export async function verifyCaseAudit(db: VigiaDatabase, caseId: string): Promise<CaseAuditReport> {
  const entries = await db.audit
    .where('[caseId+workstationId+seq]')
    // Every key of the case sorts between [caseId] and [caseId, maxKey]. (Not [caseId, maxKey, maxKey]:
    // fake-indexeddb takes the repeated maxKey array for a cycle.)
    .between([caseId], [caseId, Dexie.maxKey])
    .toArray();
  const chains = [...groupBy(entries, (e) => e.workstationId)].map(([workstationId, chain]) => ({
    workstationId,
    report: verifyAuditChain(chain),
  }));
  return { ok: chains.every((c) => c.report.ok), chains };
}
