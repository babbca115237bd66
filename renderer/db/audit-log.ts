import Dexie from 'dexie';
import { chainEntry, type AuditFields } from '../../shared/audit';
import { newId, type AuditAction, type AuditEntry, type CaseTableName, type ImportOrigin } from '../../shared/model';
import type { Author } from './author';
import type { VigiaDatabase } from './database';


/** The newest entry of this workstation's chain for a case. */
export function lastChainEntry(db: VigiaDatabase, caseId: string, workstationId: string): Promise<AuditEntry | undefined> {
  return db.audit
    .where('[caseId+workstationId+seq]')
    .between([caseId, workstationId, Dexie.minKey], [caseId, workstationId, Dexie.maxKey])
    .last();
}

export interface AuditChange {
  caseId: string;
  action: AuditAction;
  table: CaseTableName;
  recordId: string;
  before?: unknown;
  after?: unknown;
  bundleId?: string;
  importedFrom?: ImportOrigin[];
}

/** Appends a hash-chained entry. Call inside the `rw` transaction that makes the change. */
export async function appendAudit(db: VigiaDatabase, author: Author, change: AuditChange): Promise<AuditEntry> {
  const fields: AuditFields = {
    id: newId(),
    caseId: change.caseId,
    at: author.at,
    hlc: author.stamp,
    analyst: author.analyst,
    workstationId: author.workstationId,
    action: change.action,
    table: change.table,
    recordId: change.recordId,
  };
  if (change.before !== undefined) fields.before = change.before;
  if (change.after !== undefined) fields.after = change.after;
  if (change.bundleId !== undefined) fields.bundleId = change.bundleId;
  if (change.importedFrom !== undefined && change.importedFrom.length > 0) fields.importedFrom = change.importedFrom.slice(0, 1000);
  const entry = chainEntry(await lastChainEntry(db, change.caseId, author.workstationId), fields);
  await db.audit.add(entry);
  return entry;
}
