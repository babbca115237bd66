import type { VigiaDatabase } from '../db/database';
import { loadCaseNetwork, type CaseNetwork } from '../db/queries/case-network';
import { hasCachedNetwork, putCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey, countCasePersonRecords, getCachedOverview, putCachedOverview } from '../db/queries/case-overview';
import { aggregateByPrison, isPrisonOverview } from '../network-model/prison-overview';
import { toNetworkInput } from '../network-model/to-network-input';
import { opensOnOverview } from '../../shared/network/network-input';

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

/** What keeping a case's caches found: both already fresh, made again from the records, or no such case. */
export type KeptCase = 'fresh' | 'cached' | 'missing';

/**
 * Brings what opening the case reads first up to date with the case: its cached network, and for a
 * large case (opensOnOverview) the prison overview it opens on. Reads the records only when one of
 * them is stale; both are cached under the state as it was before reading, as above.
 */
export async function keepCaseCached(db: VigiaDatabase, caseId: string): Promise<KeptCase> {
  const stateKey = await caseStateKey(db, caseId);
  const large = opensOnOverview(await countCasePersonRecords(db, caseId));
  const [networkFresh, overview] = await Promise.all([
    hasCachedNetwork(db, caseId, stateKey),
    large ? getCachedOverview(db, caseId, stateKey, isPrisonOverview) : undefined,
  ]);
  if (networkFresh && (!large || overview)) return 'fresh';
  const network = await loadCaseNetwork(db, caseId);
  if (!network) return 'missing';
  await putCachedNetwork(db, caseId, stateKey, network);
  if (large) await putCachedOverview(db, caseId, stateKey, aggregateByPrison(toNetworkInput(network)));
  return 'cached';
}
