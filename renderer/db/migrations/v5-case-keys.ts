import type { Migration } from './migration';

/**
 * Version 5: `caseKeys` (issue 16): each case's key, wrapped by the vault key and bound to the case's
 * id (shared/vault/keys.ts), keyed by `caseId`. It is the one table never sealed by the encryption
 * middleware: its rows are keys already wrapped. Deleting a case deletes its row, which makes every
 * copy of the case's sealed records unreadable.
 */
export const v5CaseKeys: Migration = {
  version: 5,
  stores: {
    caseKeys: 'caseId',
  },
};
