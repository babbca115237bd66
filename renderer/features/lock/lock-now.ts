import { flushSync } from 'react-dom';
import { useUiStore } from '../../store/ui-store';

/**
 * Locks the workstation. The lock screen replaces the case in the same task (flushSync), before the
 * window can be drawn or thumbnailed again; then the page is discarded and loaded afresh, which
 * ends every worker (each holds the vault key), and drops the keys, the search index, the object URLs
 * and every record in memory, as no list of things to wipe could promise. It comes back locked.
 * A lock while an unlock is under way wins: the reload ends the unlock too.
 */
export function lockNow(): void {
  if (useUiStore.getState().locking) return;
  flushSync(() => useUiStore.getState().setLocking());
  window.location.reload();
}
