import { create } from 'zustand';
import { createAnalysisSlice, type AnalysisSlice } from './analysis-slice';
import { createCaseSlice, type CaseSlice } from './case-slice';
import { createDemoSlice, type DemoSlice } from './demo-slice';
import { createDialogSlice, type DialogSlice } from './dialog-slice';
import { createEditingSlice, type EditingSlice } from './editing-slice';
import { createLockSlice, type LockSlice } from './lock-slice';
import { createNetworkSlice, type NetworkSlice } from './network-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice';

/** UI state only. Case records are never copied here: components read them from Dexie. */
export type UiState = AnalysisSlice & CaseSlice & SelectionSlice & DemoSlice & DialogSlice & EditingSlice & LockSlice & NetworkSlice & SyncSlice & WorkspaceSlice;

export const useUiStore = create<UiState>()((...a) => ({
  ...createAnalysisSlice(...a),
  ...createCaseSlice(...a),
  ...createSelectionSlice(...a),
  ...createDemoSlice(...a),
  ...createDialogSlice(...a),
  ...createEditingSlice(...a),
  ...createLockSlice(...a),
  ...createNetworkSlice(...a),
  ...createSyncSlice(...a),
  ...createWorkspaceSlice(...a),
}));
