import { useCallback } from 'react';
import type { CaseTableName, FieldIssue } from '../../../shared/model';
import { useDatabase, deleteRecord, recordUndoable } from '../../db';
import { useUiStore } from '../../store/ui-store';

/** The facts a person's panel can delete: each a tombstone, undone by a restore. */
export type DeletableTable = Extract<CaseTableName, 'links' | 'stays' | 'sentences' | 'events'>;

/**
 * Deletes one record of the open case as one undoable action (a tombstone written through the
 * repositories, audited); the action goes on the session's undo stack. Returns the refusal's issues.
 */
export function useDeleteRecord() {
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  const pushUndoable = useUiStore((s) => s.pushUndoable);
  return useCallback(
    async (table: DeletableTable, id: string): Promise<{ ok: true } | { ok: false; issues: FieldIssue[] }> => {
      if (!caseId) return { ok: false, issues: [{ path: 'id', code: 'not_found' }] };
      const { result, action } = await recordUndoable(db, caseId, () => deleteRecord(db, table, id));
      if (!result.ok) return { ok: false, issues: result.issues };
      if (action) pushUndoable(action);
      return { ok: true };
    },
    [db, caseId, pushUndoable],
  );
}
