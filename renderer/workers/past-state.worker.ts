import { buildPastOverlay } from '../db/history/past-overlay';
import { openVigiaDatabase } from '../db/database';
import { isPastStateRequest, type PastStateMessage } from './past-state-protocol';

/**
 * Works out a case as it was known on a day, off the page's thread: reading and verifying every
 * chain of the journal and undoing the later changes takes a while for a long-lived case.
 */
interface WorkerScope {
  postMessage(message: PastStateMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: PastStateMessage) => scope.postMessage(message);

scope.addEventListener('message', (event) => {
  void run(event.data);
});

async function run(request: unknown): Promise<void> {
  if (!isPastStateRequest(request)) {
    post({ type: 'failed', reason: 'invalid request' });
    return;
  }
  try {
    const live = await openVigiaDatabase(request.database);
    const result = await buildPastOverlay(live, request.caseId, request.day);
    live.close();
    if (result.ok) post({ type: 'done', changed: result.changed, undone: result.undone });
    else if (result.reason === 'broken_chain') post({ type: 'refused', reason: 'broken_chain', workstationId: result.workstationId, brokenAt: result.brokenAt });
    else post({ type: 'refused', reason: 'not_known' });
  } catch (error) {
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}
