import Dexie from 'dexie';
import { VigiaDatabase } from '../database';
import type { LockStore } from './lock-store';
import type { StoredBlob } from '../local-records';
import { stagedBlobToStore } from './blob-cipher';
import { CASE_KEYS_TABLE } from './record-keys';

/** Rows per transaction: small enough to keep memory flat on a 100k-record workstation. */
const BATCH = 500;
/** Attachment bytes (up to 256 MiB each) are read whole to be sealed: a few at a time. */
const BLOB_BATCH = 4;

export interface MoveStep {
  readonly table: string;
  readonly done: number;
  readonly total: number;
}

/**
 * Moves a workstation's plain database (before issue 16) into the sealed one, then deletes it:
 * table by table, in batches, each batch one transaction in the sealed database (sealed by its
 * middleware on the way in). A move killed halfway resumes: tables copied whole are recorded in the
 * lock store and skipped, and a table cut short is copied again from its start, which writes the same
 * rows under the same keys (a put), so nothing is lost and nothing doubled. The plain database is
 * deleted only once everything is in, because LevelDB keeps deleted values until it compacts: a new
 * database and a deleted old one leave less behind than rewriting rows in place.
 */
export async function movePlainDatabase(plainName: string, sealed: VigiaDatabase, lock: LockStore, progress: (step: MoveStep) => void): Promise<{ moved: number }> {
  if (!(await Dexie.exists(plainName))) {
    await lock.putMoveProgress(null);
    return { moved: 0 };
  }
  const plain = new VigiaDatabase(plainName);
  await plain.open();
  let moved = 0;
  try {
    const done = new Set((await lock.moveProgress())?.doneTables ?? []);
    for (const table of plain.tables) {
      if (table.name === CASE_KEYS_TABLE || done.has(table.name)) continue;
      const total = await table.count();
      const target = sealed.table(table.name);
      let copied = 0;
      progress({ table: table.name, done: 0, total });
      // Ordered by primary key, a batch at a time: `offset` would rescan from the start each time.
      let last: unknown;
      for (;;) {
        const rows = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(table.name === 'blobs' ? BLOB_BATCH : BATCH).toArray();
        if (rows.length === 0) break;
        // Attachment bytes are sealed in chunks before the transaction (blob-cipher.ts); records by the middleware in it.
        const stored = table.name === 'blobs' ? await Promise.all((rows as StoredBlob[]).map((row) => stagedBlobToStore(sealed, row.sha256, row.data, row.mimeType))) : rows;
        await sealed.transaction('rw', target, () => target.bulkPut(stored));
        last = primaryKeyOf(table.schema.primKey.keyPath, rows[rows.length - 1]);
        copied += rows.length;
        progress({ table: table.name, done: copied, total });
      }
      moved += copied;
      done.add(table.name);
      await lock.putMoveProgress({ doneTables: [...done] });
    }
  } finally {
    plain.close();
  }
  await Dexie.delete(plainName);
  await lock.putMoveProgress(null);
  return { moved };
}

function primaryKeyOf(keyPath: string | string[] | undefined, row: object): unknown {
  if (keyPath === undefined) throw new Error('every Vigía table has an inbound primary key');
  return Array.isArray(keyPath) ? keyPath.map((path) => Dexie.getByKeyPath(row, path)) : Dexie.getByKeyPath(row, keyPath);
}
