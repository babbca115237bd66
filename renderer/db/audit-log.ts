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
  const entry = chainEntry(await lastChainEntry(db, change.caseId, author.workstationId), auditFields(author, change));
  await db.audit.add(entry);
  return entry;
}

/**
 * Appends many entries of one case, chained in order, in one bulk write: what a spreadsheet import
 * of tens of thousands of records needs (one `add` and one chain read per record would take minutes).
 */
export async function appendAuditBatch(db: VigiaDatabase, author: Author, caseId: string, changes: readonly AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  let previous = await lastChainEntry(db, caseId, author.workstationId);
  const entries = changes.map((change) => (previous = chainEntry(previous, auditFields(author, change))));
  await db.audit.bulkAdd(entries);
}

function auditFields(author: Author, change: AuditChange): AuditFields {
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
  return fields;
}
