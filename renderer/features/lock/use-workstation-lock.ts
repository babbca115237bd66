import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { getSetting, IDLE_LOCK_MINUTES, saveLockDraft, takeLockDraft, useLiveDatabase } from '../../db';
import { useCommand } from '../../commands';
import { restoreLockDraft } from './lock-draft';
import { lockNow, setLockDraftKeeper } from './lock-now';
import { useIdleLock } from './use-idle-lock';

/**
 * The lock while a case can be seen: its shortcut and menu item, the idle lock at the workstation's
 * setting, and the draft a lock kept, brought back once after the unlock.
 */
export function useWorkstationLock(): void {
  const db = useLiveDatabase();
  const minutes = useLiveQuery(() => getSetting(db, 'idleLockMinutes'), [db]) ?? IDLE_LOCK_MINUTES.default;
  useCommand('lock', lockNow);
  useIdleLock(minutes, lockNow);
  useEffect(() => {
    setLockDraftKeeper((draft) => saveLockDraft(db, draft));
    // Taken (read and removed) once: restored even if this effect is already being cleaned up, since
    // nobody else will read it again.
    void takeLockDraft(db).then((draft) => draft && restoreLockDraft(draft));
    return () => setLockDraftKeeper(undefined);
  }, [db]);
}
