import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** The dialogs of the records area: one at a time, like every modal. */
export type RecordsDialog = 'search' | 'caseSettings' | 'journal' | 'analyst' | undefined;

/** A record opened from search that has no panel of its own (a source or a prison). */
export interface OpenRecord {
  type: 'source' | 'prison';
  id: string;
}

export interface RecordsSlice {
  recordsDialog: RecordsDialog;
  openRecord: OpenRecord | undefined;
  openRecordsDialog(dialog: RecordsDialog): void;
  showRecord(record: OpenRecord | undefined): void;
}

export const createRecordsSlice: StateCreator<UiState, [], [], RecordsSlice> = (set) => ({
  recordsDialog: undefined,
  openRecord: undefined,
  openRecordsDialog: (recordsDialog) => set({ recordsDialog, openRecord: undefined }),
  showRecord: (openRecord) => set({ openRecord, recordsDialog: undefined }),
});
