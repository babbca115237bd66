import { openVigiaDatabase } from '../db/database';
import { computeCaseOverview } from './network-overview-compute';
import type { OverviewMessage, OverviewRequest } from './network-overview-protocol';

/**
 * The prison overview of a large case, off the page's thread: reading 50k links and counting them
 * by prison takes seconds, during which the page stays free to draw and answer. The overview is
 * posted as soon as it is counted; the network read for it is cached after (`network-cached`).
 */
interface WorkerScope {
  postMessage(message: OverviewMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<OverviewRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event: MessageEvent<OverviewRequest>) => {
  void answer(event.data).then((message) => scope.postMessage(message));
});

async function answer({ database, caseId }: OverviewRequest): Promise<OverviewMessage> {
  try {
    // It only shows the case: a damaged record is left out, as in the window, which names it.
    const db = await openVigiaDatabase(database, { damagedRecords: 'report' });
    try {
      const overview = await computeCaseOverview(db, caseId, (first) => scope.postMessage({ type: 'overview', overview: first }));
      return overview ? { type: 'network-cached' } : { type: 'missing' };
    } finally {
      db.close();
    }
  } catch (error) {
    return { type: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}
