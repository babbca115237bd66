import type { VigiaDatabase } from '../db/database';
import { loadCaseNetwork, type CaseNetwork } from '../db/queries/case-network';
import { putCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey } from '../db/queries/case-overview';

/**
 * Reads a case's network (every live person, link, stay and sentence of it) and caches it under
 * the case's state as it was before reading: a write that lands meanwhile makes the cache look
 * stale, never fresh. Undefined when the case does not exist or was deleted.
 */
export async function computeCaseNetwork(db: VigiaDatabase, caseId: string): Promise<CaseNetwork | undefined> {
  const stateKey = await caseStateKey(db, caseId);
  const network = await loadCaseNetwork(db, caseId);
  if (!network) return undefined;
  await putCachedNetwork(db, caseId, stateKey, network);
  return network;
}
