import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase, loadLastChanges, type LastChange, type RecordRef } from '../../db';

/**
 * The last change of each of a list's records, in one live read that follows edits and imports.
 * `key` must change when the list does (e.g. the ids joined), so the read is not redone on every render.
 */
export function useLastChanges(refs: readonly RecordRef[], key: string): ReadonlyMap<string, LastChange> | undefined {
  const db = useDatabase();
  // `key` stands for `refs` among the dependencies.
  return useLiveQuery(() => loadLastChanges(db, refs), [db, key]);
}
