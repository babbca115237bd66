import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

export type Dialog = 'about' | undefined;

/** Which modal dialog is open; and whether the first-run screen should focus the new-case form. */
export interface DialogSlice {
  dialog: Dialog;
  newCaseRequested: number;
  openDialog(dialog: Dialog): void;
  requestNewCase(): void;
}

export const createDialogSlice: StateCreator<UiState, [], [], DialogSlice> = (set) => ({
  dialog: undefined,
  newCaseRequested: 0,
  openDialog: (dialog) => set({ dialog }),
  requestNewCase: () => set((state) => ({ newCaseRequested: state.newCaseRequested + 1 })),
});
