import { useLiveQuery } from 'dexie-react-hooks';
import { getSetting, IDLE_LOCK_MINUTES, useLiveDatabase } from '../../db';
import { useCommand } from '../../commands';
import { lockNow } from './lock-now';
import { useIdleLock } from './use-idle-lock';

/** The lock while a case can be seen: its shortcut and menu item, and the idle lock at the workstation's setting. */
export function useWorkstationLock(): void {
  const db = useLiveDatabase();
  const minutes = useLiveQuery(() => getSetting(db, 'idleLockMinutes'), [db]) ?? IDLE_LOCK_MINUTES.default;
  useCommand('lock', lockNow);
  useIdleLock(minutes, lockNow);
}
