import type { StateCreator } from 'zustand';
import type { Editor } from './editing-slice';
import type { SyncTab } from './sync-slice';
import type { UiState } from './ui-store';

/** A record opened from search that has no panel of its own (a source or a prison). */
export interface OpenRecord {
  type: 'source' | 'prison';
  id: string;
}

/**
 * Every modal dialog of the workstation, with what it was opened for. This union is the one place
 * that says which dialog is open: components ask `openDialogOf(state, kind)`.
 */
export type OpenDialog =
  | { kind: 'about' }
  | { kind: 'search' }
  | { kind: 'journal' }
  | { kind: 'caseSettings' }
  | { kind: 'analyst' }
  | { kind: 'lockSettings' }
  | { kind: 'prisons' }
  | { kind: 'sources' }
  | { kind: 'import' }
  | { kind: 'exports' }
  | { kind: 'report' }
  | { kind: 'knownOn' }
  | { kind: 'record'; record: OpenRecord }
  | { kind: 'sync'; tab: SyncTab }
  | { kind: 'editor'; editor: Editor };
export type DialogKind = OpenDialog['kind'];

/**
 * The stacking rule: an editor opens above the dialog it was opened from (edit a source from the
 * sources list, and closing the editor returns to the list); any other dialog replaces whatever is
 * open. So at most one dialog and its editor are open, and closing takes away the top one. The native
 * `<dialog>` returns focus to the element that opened it when it closes.
 */
const opensAbove = (dialog: OpenDialog) => dialog.kind === 'editor';

/**
 * Dialogs that change the case. While a past state is shown (`knownOn`) they do not open: the past
 * is read, never edited, and the banner says so (a guard under the database refuses writes too).
 */
const CHANGES_THE_CASE: ReadonlySet<DialogKind> = new Set<DialogKind>(['editor', 'import', 'sync', 'caseSettings']);
const refusedInPast = (state: UiState, dialog: OpenDialog) => state.knownOn !== undefined && CHANGES_THE_CASE.has(dialog.kind);

export interface DialogSlice {
  /** The open dialogs, bottom first: empty, one dialog, or a dialog and the editor above it. */
  dialogs: readonly OpenDialog[];
  newCaseRequested: number;
  openDialog(dialog: OpenDialog): void;
  /** Closes the dialog of that kind and anything above it; without a kind, the top one. */
  closeDialog(kind?: DialogKind): void;
  /** The editor for a record (a dialog like any other, opened above the one it came from). */
  openEditor(editor: Editor): void;
  closeEditor(): void;
  requestNewCase(): void;
}

/** The open dialog of that kind, with its argument, or undefined. */
export function openDialogOf<K extends DialogKind>(state: Pick<DialogSlice, 'dialogs'>, kind: K): Extract<OpenDialog, { kind: K }> | undefined {
  return state.dialogs.find((dialog): dialog is Extract<OpenDialog, { kind: K }> => dialog.kind === kind);
}

function withoutFrom(dialogs: readonly OpenDialog[], kind: DialogKind | undefined): OpenDialog[] {
  if (kind === undefined) return dialogs.slice(0, -1);
  const at = dialogs.findIndex((dialog) => dialog.kind === kind);
  return at < 0 ? [...dialogs] : dialogs.slice(0, at);
}

export const createDialogSlice: StateCreator<UiState, [], [], DialogSlice> = (set) => ({
  dialogs: [],
  newCaseRequested: 0,
  openDialog: (dialog) =>
    set((state) => {
      if (refusedInPast(state, dialog)) return { pastEditRefused: state.pastEditRefused + 1 };
      if (!opensAbove(dialog)) return { dialogs: [dialog] };
      const below = state.dialogs.filter((open) => !opensAbove(open));
      return { dialogs: [...below, dialog] };
    }),
  closeDialog: (kind) => set((state) => ({ dialogs: withoutFrom(state.dialogs, kind) })),
  openEditor: (editor) =>
    set((state) =>
      state.knownOn !== undefined
        ? { pastEditRefused: state.pastEditRefused + 1 }
        : { dialogs: [...state.dialogs.filter((open) => !opensAbove(open)), { kind: 'editor', editor }] },
    ),
  closeEditor: () => set((state) => ({ dialogs: withoutFrom(state.dialogs, 'editor') })),
  requestNewCase: () => set((state) => ({ newCaseRequested: state.newCaseRequested + 1 })),
});
