import type { StateCreator } from 'zustand';
import type { UndoableAction } from '../db';
import type { UiState } from './ui-store';

/** Which editor, and for what (opened as a dialog, see dialog-slice.ts). The records themselves are read from Dexie by the editor. */
export type Editor =
  | { kind: 'person'; personId?: string }
  | { kind: 'stay'; personId: string; stayId?: string }
  | { kind: 'transfer'; personId: string }
  | { kind: 'sentence'; personId: string; sentenceId?: string }
  | { kind: 'link'; personId: string; linkId?: string }
  | { kind: 'source'; sourceId?: string }
  | { kind: 'event'; personId?: string; eventId?: string };

/** How many of the analyst's last actions can be undone in this session. */
export const UNDO_DEPTH = 50;

/**
 * The undo/redo stacks of the open case in this session: only the ids of the audit entries each
 * action appended (renderer/db/undo.ts reads the rest from Dexie). Which editor is open is a dialog
 * (dialog-slice.ts). The history belongs to the case, not to a component: it is cleared when another
 * case opens or the case closes (case-slice.ts), never when a toolbar unmounts.
 */
export interface EditingSlice {
  undoStack: UndoableAction[];
  redoStack: UndoableAction[];
  /** A new action: it can be undone, and whatever was undone before can no longer be redone. */
  pushUndoable(action: UndoableAction): void;
  /** After an undo: the action leaves the undo stack, its reverse goes on the redo stack. */
  movedToRedo(reverse: UndoableAction): void;
  /** After a redo: the reverse of the redo goes back on the undo stack. */
  movedToUndo(reverse: UndoableAction): void;
  /** Drops an action that can no longer be taken back (refused), from whichever stack holds it. */
  dropUndoable(action: UndoableAction): void;
  clearUndo(): void;
}

export const createEditingSlice: StateCreator<UiState, [], [], EditingSlice> = (set) => ({
  undoStack: [],
  redoStack: [],
  pushUndoable: (action) => set((s) => ({ undoStack: [...s.undoStack, action].slice(-UNDO_DEPTH), redoStack: [] })),
  movedToRedo: (reverse) => set((s) => ({ undoStack: s.undoStack.slice(0, -1), redoStack: [...s.redoStack, reverse] })),
  movedToUndo: (reverse) => set((s) => ({ redoStack: s.redoStack.slice(0, -1), undoStack: [...s.undoStack, reverse] })),
  dropUndoable: (action) =>
    set((s) => ({ undoStack: s.undoStack.filter((a) => a !== action), redoStack: s.redoStack.filter((a) => a !== action) })),
  clearUndo: () => set({ undoStack: [], redoStack: [] }),
});
