import type { VigiaDatabase } from '../db/database';
import { loadCaseNetwork } from '../db/queries/case-network';
import { putCachedNetwork } from '../db/queries/case-network-cache';
import { caseStateKey, putCachedOverview } from '../db/queries/case-overview';
import { aggregateByPrison, type PrisonOverview } from '../network-model/prison-overview';
import { toNetworkInput } from '../network-model/to-network-input';

/**
 * Reads the whole case (the same query as the network view), counts it by prison and caches the
 * result under the case's state as it was before reading: a write that lands meanwhile makes the
 * cache look stale, never fresh. `onOverview` then has it (the worker hands it to the page), and the
 * network it read is cached too: the people and links are wanted as soon as the overview is drawn,
 * and would otherwise be read from the records a second time (the page waits for this caching:
 * features/network/caching-under-way.ts). Sealing and writing the network comes after the overview
 * is handed over, so the first view does not wait for it. Undefined when the case does not exist or
 * was deleted.
 */
export async function computeCaseOverview(db: VigiaDatabase, caseId: string, onOverview: (overview: PrisonOverview) => void = () => undefined): Promise<PrisonOverview | undefined> {
  const stateKey = await caseStateKey(db, caseId);
  const network = await loadCaseNetwork(db, caseId);
  if (!network) return undefined;
  const overview = aggregateByPrison(toNetworkInput(network));
  await putCachedOverview(db, caseId, stateKey, overview);
  onOverview(overview);
  await putCachedNetwork(db, caseId, stateKey, network);
  return overview;
}
