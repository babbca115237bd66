import { isSealedRecord } from '../../../shared/vault';
import type { Migration } from './migration';
import { rowsAsStored } from './rows-as-stored';

/**
 * Version 7 (issue 16): an attachment's size, type and sealing were in clear on its `blobs` row; they
 * are sealed now, as every record's fields are (vault/sealed-tables.ts), with only the blinded key and
 * the sealed chunks (`data`) beside them. The schema is unchanged. Rows still in clear are read as
 * stored (the middleware refuses a row that is not sealed) and written back through it, each under
 * its own key (blinded since migration 6), in the upgrade's transaction: all or nothing, so an
 * upgrade cut short leaves version 6 as it was and runs whole at the next opening, and a row already
 * sealed is left as it is. Their chunks are not rewritten (reading a Blob would end the
 * transaction): they stay in their first format, unpadded, and still open. A database without a
 * vault (the plain one, moved into the sealed one) holds no sealed chunks and is left as it is.
 */
export const v7SealedBlobRows: Migration = {
  version: 7,
  stores: {},
  upgrade: async (tx) => {
    const rows = await rowsAsStored(tx, 'blobs', (row) => !isSealedRecord(row) && typeof row.sealing === 'string');
    if (rows.length === 0) return;
    // Written back without the middleware they would stay in clear for good, under version 7.
    if (!(tx.db as { recordKeys?: unknown }).recordKeys) throw new Error('migration 7 seals attachment rows: open the database with the vault key');
    await tx.table('blobs').bulkPut(rows);
  },
};
