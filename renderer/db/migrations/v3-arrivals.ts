import type { Migration } from './migration';

/**
 * Version 3: `arrivals` (issue 5, "through which bundle"): for each record a bundle created or whose
 * newest change it brought, that bundle's id and the record's `hlc` on arrival, written in the apply
 * transaction (sync/arrivals.ts). Rows group a case table's records by a hash of their id, keyed
 * `[caseId+table+bucket]`, so purging a case deletes one key range and no index slows imports.
 * Bundles applied before this version left none: their records name no bundle (History still does,
 * under the `update` entries they caused).
 */
export const v3Arrivals: Migration = {
  version: 3,
  stores: {
    arrivals: '[caseId+table+bucket]',
  },
};
