import type { DatabaseAddress } from '../db/database';
import type { PrisonOverview } from '../network-model/prison-overview';

/** Page → network overview worker: compute (and cache) the prison overview of one case. */
export interface OverviewRequest {
  database: DatabaseAddress;
  caseId: string;
}

/** Worker → page: the overview, or why there is none (the case is gone, the database failed). */
export type OverviewMessage = { type: 'overview'; overview: PrisonOverview } | { type: 'missing' } | { type: 'failed'; reason: string };
