import type { DatabaseAddress } from '../db/database';
import type { CaseNetwork } from '../db/queries/case-network';
import type { KeptCase } from './case-network-compute';

/**
 * Page → case network worker: read (and cache) the network of one case; or, with `keepOnly`, only
 * bring the case's caches up to date (the network keeper, keep-networks-cached.ts), handing nothing back.
 */
export interface CaseNetworkRequest {
  database: DatabaseAddress;
  caseId: string;
  keepOnly?: boolean;
}

/** Worker → page: the network, what keeping the caches found, or why there is none (the case is gone, the database failed). */
export type CaseNetworkMessage = { type: 'network'; network: CaseNetwork } | { type: 'kept'; found: KeptCase } | { type: 'missing' } | { type: 'failed'; reason: string };
