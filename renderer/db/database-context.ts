import { createContext, useContext } from 'react';
import type { VigiaDatabase } from './database';

/**
 * The database the screens read: the workstation's own, or a past state of the open case (see
 * history/past-state.ts), which every screen and worker then reads without knowing.
 */
export const DatabaseContext = createContext<VigiaDatabase | null>(null);

/**
 * The workstation's live database, where the journal notes what leaves the workstation even while a
 * past state is on screen (an export of the past is made today, by this analyst).
 */
export const LiveDatabaseContext = createContext<VigiaDatabase | null>(null);

/** The workstation's open database; the app renders nothing that needs it before it is open. */
export function useDatabase(): VigiaDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseContext');
  return db;
}

/** The live database: the same as useDatabase() unless a past state is shown. */
export function useLiveDatabase(): VigiaDatabase {
  const live = useContext(LiveDatabaseContext);
  const shown = useContext(DatabaseContext);
  const db = live ?? shown;
  if (!db) throw new Error('useLiveDatabase outside DatabaseContext');
  return db;
}

/** The day a past state shows (the case as known at its end), or undefined for the case as it is. */
export function usePastDay(): string | undefined {
  return useContext(DatabaseContext)?.knownOn;
}
