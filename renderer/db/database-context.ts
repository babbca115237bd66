import { createContext, useContext } from 'react';
import type { VigiaDatabase } from './database';

export const DatabaseContext = createContext<VigiaDatabase | null>(null);

/** The workstation's open database; the app renders nothing that needs it before it is open. */
export function useDatabase(): VigiaDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new Error('useDatabase outside DatabaseContext');
  return db;
}
