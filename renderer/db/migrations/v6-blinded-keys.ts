import type { Migration } from './migration';

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
      const rows = await table.toArray();
      if (rows.length === 0) continue;
      await table.clear();
      await table.bulkPut(rows);
    }
  },
};
