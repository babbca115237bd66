import Dexie from 'dexie';
import { CASE_TABLE_NAMES, type AuditEntry, type CaseTableName, type FieldIssue, type Validated } from '../../shared/model';
import { sameValue } from '../../shared/json';
import { lastChainEntry } from './audit-log';
import type { VigiaDatabase } from './database';
import { getWorkstation } from './settings';
import { deleteRecord, restoreRecord, updateRecord, writeScope } from './write';

/**
 * Undo and redo on top of the repositories. An analyst's action (one form saved, one transfer) is
 * the audit entries it appended; undoing it makes new, audited changes that put things back — the
 * audit log stays append-only:
 * - a create is undone by a tombstone, a delete by a restore (and the reverse);
 * - an update writes its before-values back, refused with `changed_since` when a field no longer
 *   holds what the action wrote (a later edit must not be silently thrown away).
 * Redo is the undo of an undo. The stack of actions (audit entry ids) is UI state; the data is read
 * here, from Dexie.
 */
export interface UndoableAction {
  caseId: string;
  /** Audit entry ids appended by the action, in the order they were written. */
  entryIds: string[];
}

/** A write refused inside a transaction: thrown to roll back everything, caught at the edge. */
class Refusal extends Error {
  constructor(readonly issues: FieldIssue[]) {
    super('refused');
  }
}

async function entriesSince(db: VigiaDatabase, caseId: string, workstationId: string, afterSeq: number): Promise<AuditEntry[]> {
  return db.audit
    .where('[caseId+workstationId+seq]')
    .between([caseId, workstationId, afterSeq], [caseId, workstationId, Dexie.maxKey], false, true)
    .toArray();
}

/**
 * Runs `write` (one or more repository calls) in one transaction and returns what it appended to
 * the audit log, so that it can be undone as one action. A refusal rolls back every write made so
 * far — a transfer that cannot open its new stay leaves the old one open.
 */
export async function recordUndoable<T>(
  db: VigiaDatabase,
  caseId: string,
  write: () => Promise<Validated<T>>,
): Promise<{ result: Validated<T>; action: UndoableAction | undefined }> {
  try {
    return await db.transaction('rw', writeScope(db), async () => {
      const { workstationId } = await getWorkstation(db);
      const before = (await lastChainEntry(db, caseId, workstationId))?.seq ?? 0;
      const result = await write();
      if (!result.ok) throw new Refusal(result.issues);
      const entries = await entriesSince(db, caseId, workstationId, before);
      const action = entries.length > 0 ? { caseId, entryIds: entries.map((e) => e.id) } : undefined;
      return { result, action };
    });
  } catch (error) {
    if (error instanceof Refusal) return { result: { ok: false, issues: error.issues }, action: undefined };
    throw error;
  }
}

function isCaseTable(table: string): table is CaseTableName {
  return (CASE_TABLE_NAMES as readonly string[]).includes(table);
}

/** The write that takes one audit entry back. */
async function revertEntry(db: VigiaDatabase, entry: AuditEntry): Promise<Validated<unknown>> {
  if (!isCaseTable(entry.table)) return { ok: false, issues: [{ path: 'id', code: 'cannot_undo' }] };
  switch (entry.action) {
    case 'create':
    case 'restore':
      return deleteRecord(db, entry.table, entry.recordId);
    case 'delete':
      return restoreRecord(db, entry.table, entry.recordId);
    case 'update':
      return revertUpdate(db, entry.table, entry);
    default:
      return { ok: false, issues: [{ path: 'id', code: 'cannot_undo' }] };
  }
}

async function revertUpdate(db: VigiaDatabase, table: CaseTableName, entry: AuditEntry): Promise<Validated<unknown>> {
  const current = (await db.caseTable(table).get(entry.recordId)) as Record<string, unknown> | undefined;
  if (!current) return { ok: false, issues: [{ path: 'id', code: 'not_found' }] };
  const before = (entry.before ?? {}) as Record<string, unknown>;
  const after = (entry.after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changedSince = fields.find((field) => !sameValue(current[field], after[field]));
  if (changedSince) return { ok: false, issues: [{ path: changedSince, code: 'changed_since' }] };
  // A field absent before the action was cleared by undo: present in the patch as undefined.
  const patch = Object.fromEntries(fields.map((field) => [field, before[field]]));
  return updateRecord(db, table, entry.recordId, patch);
}

/**
 * Takes an action back in one transaction, newest entry first. Returns the action that did it —
 * what redo takes back in turn. Nothing is written when any step is refused.
 */
export async function undoAction(db: VigiaDatabase, action: UndoableAction): Promise<Validated<UndoableAction>> {
  const { result, action: reverse } = await recordUndoable(db, action.caseId, async () => {
    const entries = await db.audit.bulkGet(action.entryIds);
    if (entries.some((entry) => !entry)) return { ok: false, issues: [{ path: 'id', code: 'not_found' }] };
    for (const entry of [...(entries as AuditEntry[])].reverse()) {
      const reverted = await revertEntry(db, entry);
      if (!reverted.ok) return reverted;
    }
    return { ok: true, value: undefined };
  });
  if (!result.ok) return result;
  if (!reverse) return { ok: false, issues: [{ path: 'id', code: 'cannot_undo' }] };
  return { ok: true, value: reverse };
}
