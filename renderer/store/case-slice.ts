import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** Which case is open. The case itself lives in Dexie; this is only its id. */
export interface CaseSlice {
  openCaseId: string | undefined;
  openCase(caseId: string): void;
  closeCase(): void;
}

export const createCaseSlice: StateCreator<UiState, [], [], CaseSlice> = (set) => ({
  openCaseId: undefined,
  // Opening another case or closing this one drops the selection, the panels, the open dialogs and
  // the undo history of the previous case: an undo must never reach into a case that is not on screen.
  openCase: (caseId) =>
    set((state) =>
      state.openCaseId === caseId
        ? { openCaseId: caseId }
        : { openCaseId: caseId, selectedPersonId: undefined, selectedRecord: undefined, personPanelOpen: false, dialogs: [], undoStack: [], redoStack: [], knownOn: undefined },
    ),
  closeCase: () => set({ openCaseId: undefined, selectedPersonId: undefined, selectedRecord: undefined, personPanelOpen: false, dialogs: [], undoStack: [], redoStack: [], knownOn: undefined }),
});
