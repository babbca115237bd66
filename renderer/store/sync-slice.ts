import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** The parts of the sync dialog: my contact card and keyring, sending the open case, receiving a bundle. */
export type SyncTab = 'contacts' | 'send' | 'receive';

export interface SyncSlice {
  syncOpen: boolean;
  syncTab: SyncTab;
  /** Whether this session has unlocked the analyst's key (the key itself is never kept in the store). */
  identityUnlocked: boolean;
  openSync(tab?: SyncTab): void;
  closeSync(): void;
  setIdentityUnlocked(unlocked: boolean): void;
}

export const createSyncSlice: StateCreator<UiState, [], [], SyncSlice> = (set) => ({
  syncOpen: false,
  syncTab: 'contacts',
  identityUnlocked: false,
  openSync: (tab) => set((s) => ({ syncOpen: true, syncTab: tab ?? s.syncTab })),
  closeSync: () => set({ syncOpen: false }),
  setIdentityUnlocked: (identityUnlocked) => set({ identityUnlocked }),
});
