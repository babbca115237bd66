import type { DatabaseAddress } from '../db/database';
import type { PrisonOverview } from '../network-model/prison-overview';

/** Page → network overview worker: compute (and cache) the prison overview of one case. */
export interface OverviewRequest {
  database: DatabaseAddress;
  caseId: string;
}

/**
 * Worker → page: the overview, then `network-cached` once the network it read is cached too (or
 * `failed` if that could not be done); or why there is no overview (the case is gone, the database failed).
 */
export type OverviewMessage = { type: 'overview'; overview: PrisonOverview } | { type: 'network-cached' } | { type: 'missing' } | { type: 'failed'; reason: string };
