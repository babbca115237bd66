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
  // Opening or closing a case drops the selection and the panels of the previous one.
  openCase: (caseId) => set({ openCaseId: caseId, selectedPersonId: undefined, personPanelOpen: false }),
  closeCase: () => set({ openCaseId: undefined, selectedPersonId: undefined, personPanelOpen: false }),
});
