import { openVigiaDatabase } from '../db/database';
import { computeCaseNetwork, keepCaseCached } from './case-network-compute';
import type { CaseNetworkMessage, CaseNetworkRequest } from './case-network-protocol';

/**
 * A large case's network, read off the page's thread: reading 10k people and 50k links with their
 * stays and sentences takes seconds, during which the page keeps drawing and answering. Also where
 * the network keeper (features/network/network-keeper.ts) brings a case's caches up to date.
 */
interface WorkerScope {
  postMessage(message: CaseNetworkMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CaseNetworkRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event: MessageEvent<CaseNetworkRequest>) => {
  void answer(event.data).then((message) => scope.postMessage(message));
});

async function answer({ database, caseId, keepOnly }: CaseNetworkRequest): Promise<CaseNetworkMessage> {
  try {
    // It only shows the case: a damaged record is left out, as in the window, which names it.
    const db = await openVigiaDatabase(database, { damagedRecords: 'report' });
    try {
      if (keepOnly) return { type: 'kept', found: await keepCaseCached(db, caseId) };
      const network = await computeCaseNetwork(db, caseId);
      return network ? { type: 'network', network } : { type: 'missing' };
    } finally {
      db.close();
    }
  } catch (error) {
    return { type: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
