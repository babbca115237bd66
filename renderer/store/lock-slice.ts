import type { StateCreator } from 'zustand';
import type { UiState } from './ui-store';

/** Whether the workstation is being locked: the screens give way to the lock at once (features/lock). */
export interface LockSlice {
  locking: boolean;
  setLocking(): void;
}

export const createLockSlice: StateCreator<UiState, [], [], LockSlice> = (set) => ({
  locking: false,
  // Every dialog goes with the case: nothing of it stays on screen behind the lock.
  setLocking: () => set({ locking: true, dialogs: [] }),
});
