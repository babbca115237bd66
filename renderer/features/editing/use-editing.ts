import { useCallback, useRef, useState } from 'react';
import type { FieldIssue, Validated } from '../../../shared/model';
import { useDatabase, recordUndoable } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { useFormIssues } from '../../ui/form-support';

/**
 * What every editor form needs: save through the repositories as one undoable action, keep the
 * refusal's issues for the fields, and close on success. What was typed lives in the form's own
 * state, so a refusal loses nothing.
 */
export function useEditorForm(knownPaths: (path: string) => boolean) {
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  const pushUndoable = useUiStore((s) => s.pushUndoable);
  const closeEditor = useUiStore((s) => s.closeEditor);
  const form = useRef<HTMLFormElement>(null);
  const { issues, refuse, issueFor } = useFormIssues(form);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);

  const save = useCallback(
    async <T>(write: (caseId: string) => Promise<Validated<T>>, onSaved?: (value: T) => void): Promise<void> => {
      if (!caseId) return;
      setSaving(true);
      setFailed(false);
      try {
        const { result, action } = await recordUndoable(db, caseId, () => write(caseId));
        if (!result.ok) {
          refuse(result.issues);
          return;
        }
        if (action) pushUndoable(action);
        closeEditor();
        onSaved?.(result.value);
      } catch {
        setFailed(true);
      } finally {
        setSaving(false);
      }
    },
    [db, caseId, refuse, pushUndoable, closeEditor],
  );

  const unplacedIssues: FieldIssue[] = issues.filter((issue) => !knownPaths(issue.path));
  // What every form hands its EditorDialog as it is: `<EditorDialog {...editor.dialog} …>`.
  const dialog = { form, issues, unplacedIssues, saving, failed };
  return { db, caseId, form, issues, unplacedIssues, issueFor, refuse, save, saving, failed, dialog };
}
