import type { IndexableType } from 'dexie';
import { DamagedRecordError, RECORD_FORMAT, SEALED_FIELD } from '../../../shared/vault/record-cipher';
import type { VigiaDatabase } from '../database';
import type { LockStore, ResealMark } from './lock-store';
import { resealOldAttachments } from './reseal-old-attachments';
import { SEALED_TABLES } from './sealed-tables';

/**
 * What a finished pass marks in the lock store. Pass 1 (the pass's first build) left the tables whose
 * keys are blinded, and attachments' chunks, as they were; a workstation it marked done is looked at
 * again for those.
 */
export const RESEALED: ResealMark = { format: RECORD_FORMAT, pass: 2 };

/** Whether a pass marked `mark` left nothing for this build's pass to do. */
export const isResealed = (mark: ResealMark) => mark.format >= RESEALED.format && mark.pass >= RESEALED.pass;

/** Rows read from the store at a time to find the old ones; rows written again per transaction. */
const PAGE = 1000;
const BATCH = 200;

/**
 * Writes again, in the current record format, the rows sealed in an older one: rows of record
 * format 1 are not padded, so their length on disk tells a name's or a note's length to the byte
 * (docs/security.md, "Record formats"). Run in the background once the workstation is unlocked: the
 * store is read below the middleware, a page at a time, for rows whose sealed value starts with
 * another format's byte, and each batch of them is read and put back through the database in one
 * transaction (opened as they are, sealed anew: the same record, padded). Nothing else changes, so
 * nothing is journalled and no cached network goes stale. Cut short (a lock reloads the window), it
 * starts again at the next unlock and finds only the rows still old; done, it says so in the lock
 * store and never reads the store again until a later record format. A damaged row is left as it
 * is (the read reports it).
 *
 * Tables whose keys are blinded (attachment rows, contacts, import specifications) are reached the
 * same way: a key that is already blinded goes through the blinding layer as it is, and the row read
 * by it comes back with its plain key, which the blinding layer blinds again to the same value.
 * Attachments whose chunks were sealed before padding are stored again first, padded
 * (reseal-old-attachments.ts). Returns how many rows were written again.
 */
export async function resealOldRows(db: VigiaDatabase, lock: LockStore): Promise<number> {
  if (isResealed(await lock.resealedTo())) return 0;
  // First, so that their rows are written once, padded chunks and all.
  let resealed = await resealOldAttachments(db);
  for (const name of Object.keys(SEALED_TABLES)) {
    if (!db.tables.some((table) => table.name === name)) continue;
    const keys = await oldRowKeys(db.backendDB(), name);
    for (let start = 0; start < keys.length; start += BATCH) resealed += await reseal(db, name, keys.slice(start, start + BATCH));
  }
  await lock.putResealedTo(RESEALED);
  return resealed;
}

/** The primary keys of the rows of `store` sealed in another format than the current one, read as stored, a page at a time. */
async function oldRowKeys(idb: IDBDatabase, store: string): Promise<IDBValidKey[]> {
  const found: IDBValidKey[] = [];
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const { keys, values } = await readPage(idb, store, range);
    values.forEach((value, i) => {
      if (isOlderFormat(value)) found.push(keys[i]!);
    });
    if (keys.length < PAGE) return found;
    after = keys[keys.length - 1];
  }
}

function readPage(idb: IDBDatabase, store: string, range: IDBKeyRange | undefined): Promise<{ keys: IDBValidKey[]; values: unknown[] }> {
  return new Promise((resolve, reject) => {
    const transaction = idb.transaction(store, 'readonly');
    const objects = transaction.objectStore(store);
    // Keys and values of the same range and count, in one transaction: the same rows, in the same order.
    const keys = objects.getAllKeys(range, PAGE);
    const values = objects.getAll(range, PAGE);
    transaction.oncomplete = () => resolve({ keys: keys.result, values: values.result as unknown[] });
    transaction.onerror = () => reject(transaction.error ?? new Error(`could not read ${store}`));
    transaction.onabort = () => reject(transaction.error ?? new Error(`could not read ${store}`));
  });
}

/** A sealed row of another format (a damaged one too: reading it reports it, and it is left as it is). */
function isOlderFormat(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const sealed = (value as Record<string, unknown>)[SEALED_FIELD];
  return sealed instanceof Uint8Array && sealed[0] !== RECORD_FORMAT;
}

/** Reads these rows and puts them back, in one transaction; a batch holding a damaged row is done row by row, without it. */
async function reseal(db: VigiaDatabase, name: string, keys: readonly IDBValidKey[]): Promise<number> {
  const table = db.table(name);
  const putBack = (batch: readonly IDBValidKey[]) =>
    db.transaction('rw', table, async () => {
      const rows = (await table.bulkGet(batch as IndexableType[])).filter((row) => row !== undefined);
      await table.bulkPut(rows);
      return rows.length;
    });
  try {
    return await putBack(keys);
  } catch (error) {
    if (!(error instanceof DamagedRecordError)) throw error;
    // Left as it is: the read has reported it, and a bundle's copy can replace it.
    if (keys.length === 1) return 0;
  }
  let done = 0;
  for (const key of keys) done += await reseal(db, name, [key]);
  return done;
}
