import { beforeEach, describe, expect, it } from 'vitest';
import { UNDO_DEPTH } from './editing-slice';
import { useUiStore } from './ui-store';

const action = (n: number) => ({ caseId: 'case:1', entryIds: [`audit:${n}`] });

describe('the undo stacks', () => {
  beforeEach(() => useUiStore.getState().clearUndo());

  it('moves an action to redo when undone and back when redone; a new action clears redo', () => {
    const ui = () => useUiStore.getState();
    ui().pushUndoable(action(1));
    ui().pushUndoable(action(2));
    ui().movedToRedo(action(3));
    expect(ui().undoStack).toEqual([action(1)]);
    expect(ui().redoStack).toEqual([action(3)]);
    ui().movedToUndo(action(4));
    expect(ui().undoStack).toEqual([action(1), action(4)]);
    expect(ui().redoStack).toEqual([]);
    ui().movedToRedo(action(5));
    ui().pushUndoable(action(6));
    expect(ui().redoStack).toEqual([]);
  });

  it('keeps only the last actions of the session', () => {
    for (let n = 0; n < UNDO_DEPTH + 5; n++) useUiStore.getState().pushUndoable(action(n));
    const stack = useUiStore.getState().undoStack;
    expect(stack).toHaveLength(UNDO_DEPTH);
    expect(stack[0]).toEqual(action(5));
  });
});
