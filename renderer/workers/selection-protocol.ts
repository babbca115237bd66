import type { DatabaseAddress } from '../db/database';
import type { Marking } from '../../shared/model';
import type { SelectionView } from '../db/sync/selection-view';

/**
 * Messages between the Send tab's people picker and the selection worker (one per open picker).
 * The worker reads the case's people first, then the whole case; it answers the latest `view` as
 * soon as it can, and again, with the counts, once the whole case is read.
 */
export type SelectionRequest =
  | { type: 'open'; database: DatabaseAddress; caseId: string }
  | { type: 'view'; requestId: number; query: string; chosen: string[]; releaseUpTo?: Marking };

export type SelectionMessage = ({ type: 'view'; requestId: number } & SelectionView) | { type: 'failed'; reason: string };
