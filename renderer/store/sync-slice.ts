import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** The parts of the sync dialog: my contact card and keyring, sending the open case, receiving a bundle. */
export type SyncTab = 'contacts' | 'send' | 'receive';

/** Whether the analyst's key is unlocked for this session. The sync dialog itself is a dialog (dialog-slice.ts). */
export interface SyncSlice {
  /** Whether this session has unlocked the analyst's key (the key itself is never kept in the store). */
  identityUnlocked: boolean;
  /** The sync tab the analyst last looked at: the Sync button reopens the dialog there. */
  lastSyncTab: SyncTab;
  openSync(tab?: SyncTab): void;
  setIdentityUnlocked(unlocked: boolean): void;
}

export const createSyncSlice: StateCreator<UiState, [], [], SyncSlice> = (set) => ({
  identityUnlocked: false,
  lastSyncTab: 'contacts',
  openSync: (tab) => set((s) => ({ lastSyncTab: tab ?? s.lastSyncTab, dialogs: [{ kind: 'sync', tab: tab ?? s.lastSyncTab }] })),
  setIdentityUnlocked: (identityUnlocked) => set({ identityUnlocked }),
});
