import { beforeEach, describe, expect, it } from 'vitest';
import { openDialogOf } from './dialog-slice';
import { useUiStore } from './ui-store';

const initial = useUiStore.getState();
beforeEach(() => useUiStore.setState(initial, true));

describe('the one dialog state', () => {
  it('opens nothing that changes the case while a past state is shown, and counts the attempt for the banner', () => {
    const ui = useUiStore.getState();
    ui.openDialog({ kind: 'journal' });
    ui.setKnownOn('2026-06-01');
    expect(useUiStore.getState().dialogs).toEqual([]);
    for (const dialog of [{ kind: 'import' }, { kind: 'sync', tab: 'send' }, { kind: 'caseSettings' }] as const) ui.openDialog(dialog);
    ui.openEditor({ kind: 'person' });
    expect(useUiStore.getState().dialogs).toEqual([]);
    expect(useUiStore.getState().pastEditRefused).toBe(4);
    // Reading is the point of a past state.
    ui.openDialog({ kind: 'journal' });
    expect(useUiStore.getState().dialogs).toEqual([{ kind: 'journal' }]);
    ui.setKnownOn(undefined);
    ui.openEditor({ kind: 'person' });
    expect(useUiStore.getState().dialogs.map((d) => d.kind)).toEqual(['editor']);
  });

  it('forgets the past state when another case opens', () => {
    useUiStore.getState().openCase('case:1');
    useUiStore.getState().setKnownOn('2026-06-01');
    useUiStore.getState().openCase('case:2');
    expect(useUiStore.getState().knownOn).toBeUndefined();
  });

  it('opens one dialog at a time: opening another replaces it', () => {
    const ui = useUiStore.getState();
    ui.openDialog({ kind: 'journal' });
    ui.openDialog({ kind: 'sync', tab: 'send' });
    expect(useUiStore.getState().dialogs).toEqual([{ kind: 'sync', tab: 'send' }]);
    expect(openDialogOf(useUiStore.getState(), 'journal')).toBeUndefined();
    expect(openDialogOf(useUiStore.getState(), 'sync')?.tab).toBe('send');
  });

  it('opens an editor above the dialog it came from, and closing it goes back there', () => {
    const ui = useUiStore.getState();
    ui.openDialog({ kind: 'sources' });
    ui.openEditor({ kind: 'source', sourceId: 'source:1' });
    expect(useUiStore.getState().dialogs.map((d) => d.kind)).toEqual(['sources', 'editor']);
    ui.openEditor({ kind: 'source', sourceId: 'source:2' });
    expect(useUiStore.getState().dialogs).toEqual([{ kind: 'sources' }, { kind: 'editor', editor: { kind: 'source', sourceId: 'source:2' } }]);
    ui.closeEditor();
    expect(useUiStore.getState().dialogs).toEqual([{ kind: 'sources' }]);
  });

  it('closing a dialog closes what was opened above it; closing with no kind takes the top one', () => {
    const ui = useUiStore.getState();
    ui.openDialog({ kind: 'sources' });
    ui.openEditor({ kind: 'person' });
    ui.closeDialog('sources');
    expect(useUiStore.getState().dialogs).toEqual([]);
    ui.openDialog({ kind: 'about' });
    ui.closeDialog();
    expect(useUiStore.getState().dialogs).toEqual([]);
  });

  it('reopens the sync dialog on the tab last looked at', () => {
    const ui = useUiStore.getState();
    ui.openSync('receive');
    ui.closeDialog('sync');
    ui.openSync();
    expect(openDialogOf(useUiStore.getState(), 'sync')?.tab).toBe('receive');
  });

  it('closes every dialog and forgets the undo history when another case opens, not when the same one does', () => {
    const ui = useUiStore.getState();
    ui.openCase('case:one');
    ui.pushUndoable({ entryIds: ['audit:1'] } as never);
    ui.openDialog({ kind: 'journal' });
    ui.openCase('case:one');
    expect(useUiStore.getState().undoStack).toHaveLength(1);
    ui.openCase('case:two');
    expect(useUiStore.getState().dialogs).toEqual([]);
    expect(useUiStore.getState().undoStack).toEqual([]);
  });
});
