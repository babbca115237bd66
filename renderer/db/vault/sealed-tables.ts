import { CASE_TABLE_NAMES } from '../../../shared/model';

/**
 * What is sealed at rest (docs/security.md): every table holding the case or the analyst's work. Each
 * table keeps in clear only its primary key and indexed fields (what queries need: ids, `caseId`,
 * the journal's chain positions), read from the schema by the middleware.
 *
 * Left in clear, and why:
 * - `caseKeys`: already wrapped keys, read to open the rest;
 * - `blobs`: attachment bytes, a Blob (not JSON): sealed chunk by chunk by blob-cipher.ts, and keyed
 *   by a blinded SHA-256 (key-blinding-middleware.ts);
 * - `identity.sealed`: the analyst's secret, already sealed by the OS keychain or an age passphrase.
 */
export const SEALED_TABLES: Readonly<Record<string, { readonly extraClearFields?: readonly string[] }>> = {
  ...Object.fromEntries(CASE_TABLE_NAMES.map((table) => [table, {}])),
  audit: {},
  settings: {},
  views: {},
  layouts: {},
  identity: { extraClearFields: ['sealed'] },
  contacts: {},
  bundleLog: {},
  arrivals: {},
  importSpecs: {},
};
