import { useCallback, useState } from 'react';
import { useDatabase, undoAction } from '../../db';
import { useUiStore } from '../../store/ui-store';

export type UndoStatus = 'undone' | 'redone' | 'undoRefused' | 'nothingToUndo' | 'nothingToRedo' | undefined;

/** Undo and redo of the analyst's last actions in this session, and what the last attempt did. */
export function useUndoRedo() {
  const db = useDatabase();
  const canUndo = useUiStore((s) => s.undoStack.length > 0);
  const canRedo = useUiStore((s) => s.redoStack.length > 0);
  const [status, setStatus] = useState<UndoStatus>(undefined);

  const run = useCallback(
    async (direction: 'undo' | 'redo') => {
      const ui = useUiStore.getState();
      const action = (direction === 'undo' ? ui.undoStack : ui.redoStack).at(-1);
      if (!action) {
        setStatus(direction === 'undo' ? 'nothingToUndo' : 'nothingToRedo');
        return;
      }
      const result = await undoAction(db, action);
      if (!result.ok) {
        // It can never be taken back now (changed since, or gone): drop it rather than fail again.
        ui.dropUndoable(action);
        setStatus('undoRefused');
        return;
      }
      if (direction === 'undo') ui.movedToRedo(result.value);
      else ui.movedToUndo(result.value);
      setStatus(direction === 'undo' ? 'undone' : 'redone');
    },
    [db],
  );

  return { canUndo, canRedo, status, undo: () => run('undo'), redo: () => run('redo') };
}

