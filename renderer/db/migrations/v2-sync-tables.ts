import type { Migration } from './migration';

/**
 * Version 2: sync (issue 5). Three small tables, none of them case data:
 * - `identity`: this workstation's analyst identity, one row (`me`), its secret sealed by the OS
 *   keychain or by a passphrase (see repositories/identity.ts);
 * - `contacts`: the keyring of colleagues' contact cards, keyed by fingerprint;
 * - `bundleLog`: bundles sent and received, keyed by direction and bundle id (`received:<uuid>`); `caseId` finds a case's exchanges.
 * Earlier tables are carried over unchanged (Dexie keeps every store a version does not name).
 */
export const v2SyncTables: Migration = {
  version: 2,
  stores: {
    identity: 'id',
    contacts: 'fingerprint',
    bundleLog: 'id, caseId',
  },
};
