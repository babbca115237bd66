import type { DatabaseAddress } from '../db/database';
import type { CaseNetwork } from '../db/queries/case-network';

/** Page → case network worker: read (and cache) the network of one case. */
export interface CaseNetworkRequest {
  database: DatabaseAddress;
  caseId: string;
}

/** Worker → page: the network, or why there is none (the case is gone, the database failed). */
export type CaseNetworkMessage = { type: 'network'; network: CaseNetwork } | { type: 'missing' } | { type: 'failed'; reason: string };
