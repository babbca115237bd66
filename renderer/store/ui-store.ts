import { create } from 'zustand';
import { createCaseSlice, type CaseSlice } from './case-slice';
import { createDemoSlice, type DemoSlice } from './demo-slice';
import { createDialogSlice, type DialogSlice } from './dialog-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

/** UI state only. Case records are never copied here: components read them from Dexie. */
export type UiState = CaseSlice & SelectionSlice & DemoSlice & DialogSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createCaseSlice(...a),
  ...createSelectionSlice(...a),
  ...createDemoSlice(...a),
  ...createDialogSlice(...a),
}));
