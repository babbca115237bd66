import { CASE_TABLE_NAMES } from '../../../shared/model';
import type { SealedTableConfig } from './encryption-middleware';

/**
 * What is sealed at rest (docs/security.md): every table holding the case or the analyst's work. Each
 * table keeps in clear only its primary key and indexed fields (what queries need: ids, `caseId`,
 * the journal's chain positions), read from the schema by the middleware.
 *
 * Left in clear, and why:
 * - `caseKeys`: already wrapped keys, read to open the rest;
 * - `blobs.data`: attachment bytes, a Blob (not JSON), sealed chunk by chunk and padded by
 *   blob-cipher.ts; the row's size, type and sealing are sealed as any record's fields, and its key
 *   is a blinded SHA-256 (key-blinding-middleware.ts). Rows from before migration 7 had those fields
 *   in clear: the migration seals them;
 * - `identity.sealed`: the analyst's secret, already sealed by the OS keychain or an age passphrase;
 * - `layouts.network`: a case's cached network, sealed with AES-256-GCM under a key of its own kept
 *   in the row's sealed part (large-value-cipher.ts, case-network-cache.ts), so that the 6 MB of a
 *   large case open through WebCrypto outside the transaction.
 */
export const SEALED_TABLES: Readonly<Record<string, SealedTableConfig>> = {
  ...Object.fromEntries(CASE_TABLE_NAMES.map((table) => [table, {}])),
  audit: {},
  settings: {},
  views: {},
  layouts: { selfSealedFields: ['network'] },
  identity: { extraClearFields: ['sealed'] },
  contacts: {},
  bundleLog: {},
  arrivals: {},
  importSpecs: {},
  blobs: { selfSealedFields: ['data'] },
};
