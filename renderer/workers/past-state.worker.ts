import { buildPastState } from '../db/history/past-state';
import { openVigiaDatabase } from '../db/database';
import { isPastStateRequest, type PastStateMessage } from './past-state-protocol';

/**
 * Rebuilds a case as it was known on a day, off the page's thread: verifying the chains and undoing
 * every later change reads the whole case and its journal, which takes seconds for a large case.
 */
interface WorkerScope {
  postMessage(message: PastStateMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: PastStateMessage) => scope.postMessage(message);
const PROGRESS_INTERVAL_MS = 100;

scope.addEventListener('message', (event) => {
  void run(event.data);
});

async function run(request: unknown): Promise<void> {
  if (!isPastStateRequest(request)) {
    post({ type: 'failed', reason: 'invalid request' });
    return;
  }
  try {
    const live = await openVigiaDatabase(request.databaseName);
    let lastReport = 0;
    const result = await buildPastState(live, request.caseId, request.day, {
      onProgress: (done, total) => {
        const now = performance.now();
        if (done === total || now - lastReport >= PROGRESS_INTERVAL_MS) {
          lastReport = now;
          post({ type: 'progress', done, total });
        }
      },
    });
    live.close();
    if (result.ok) post({ type: 'done', databaseName: result.databaseName, records: result.records, undone: result.undone });
    else if (result.reason === 'broken_chain') post({ type: 'refused', reason: 'broken_chain', workstationId: result.workstationId, brokenAt: result.brokenAt });
    else post({ type: 'refused', reason: 'not_known' });
  } catch (error) {
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}
