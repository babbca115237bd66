import { flushSync } from 'react-dom';
import type { LockDraft } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { captureLockDraft } from './lock-draft';

/** Where the draft goes (the unlocked database, registered by the workstation); none before unlock. */
let keepDraft: ((draft: LockDraft) => Promise<void>) | undefined;

export function setLockDraftKeeper(keeper: typeof keepDraft): void {
  keepDraft = keeper;
}

/** How long a lock waits for the draft to be written before it discards the page anyway. */
const DRAFT_WAIT_MS = 1500;

/**
 * Locks the workstation. What was typed in the open dialog is read first; then the lock screen
 * replaces the case in the same task (flushSync), before the window can be drawn or thumbnailed
 * again; the draft is written (sealed, like every setting), and the page is discarded and loaded
 * afresh, which ends every worker (each holds the vault key), and drops the keys, the search index,
 * the object URLs and every record in memory, as no list of things to wipe could promise. It comes
 * back locked. A lock while an unlock is under way wins: the reload ends the unlock too.
 */
export function lockNow(): void {
  if (useUiStore.getState().locking) return;
  // Both read before the lock screen goes up: taking the case off the screen unmounts the workstation,
  // which withdraws the keeper.
  const keeper = keepDraft;
  const draft = keeper ? captureLockDraft() : undefined;
  flushSync(() => useUiStore.getState().setLocking());
  const kept = draft && keeper ? keeper(draft).catch(() => undefined) : Promise.resolve();
  void Promise.race([kept, new Promise((resolve) => window.setTimeout(resolve, DRAFT_WAIT_MS))]).then(() => window.location.reload());
}
