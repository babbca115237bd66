import Dexie, { type Transaction } from 'dexie';

/**
 * The rows of a store that `which` picks, as IndexedDB holds them: read below every middleware, in an
 * upgrade's transaction. For rows the sealing layer refuses to read: those still in clear in a table
 * sealed since (`blobs`, sealed by migration 7), to be written back through it.
 */
export function rowsAsStored(tx: Transaction, store: string, which: (row: Record<string, unknown>) => boolean): Promise<Record<string, unknown>[]> {
  return new Dexie.Promise((resolve, reject) => {
    const rows: Record<string, unknown>[] = [];
    const request = tx.idbtrans.objectStore(store).openCursor();
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(rows);
      const row = cursor.value as Record<string, unknown>;
      if (which(row)) rows.push(row);
      cursor.continue();
    };
  });
}
