import type { Migration } from './migration';
import { rowsAsStored } from './rows-as-stored';

/**
 * Version 6 (issue 16): the tables keyed by something meaningful — `blobs` by the attachment's
 * SHA-256, `contacts` by a colleague's fingerprint, `importSpecs` by `[caseId+name]` — are re-keyed
 * under blinded keys (vault/key-blinding-middleware.ts). The schema is unchanged; every row is read
 * and written back through the middleware, which stores it under its blinded key (and the sealed plain
 * value), in the upgrade's transaction: all or nothing. A database without a vault (the plain one
 * moved into the sealed one) is rewritten as it was.
 */
export const v6BlindedKeys: Migration = {
  version: 6,
  stores: {},
  upgrade: async (tx) => {
    for (const name of ['blobs', 'contacts', 'importSpecs']) {
      const table = tx.table(name);
      // `blobs` rows were in clear until now, and the sealing layer reads them as damaged since it seals
      // that table (migration 7): they are read as stored, as this upgrade read them when it shipped.
      const rows = name === 'blobs' ? await rowsAsStored(tx, name, () => true) : await table.toArray();
      if (rows.length === 0) continue;
      await table.clear();
      await table.bulkPut(rows);
    }
  },
};
