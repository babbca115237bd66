import type { DatabaseAddress } from '../db/database';
import { openVigiaDatabase } from '../db/database';
import { SearchIndexHost } from './search-index-host';
import type { SearchMessage, SearchRequest } from './search-protocol';

/**
 * The one-box search of an open case, off the page's thread: building the index of a 10k-person
 * case takes a few hundred milliseconds, and it follows the case's changes from here.
 */
interface WorkerScope {
  postMessage(message: SearchMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: SearchMessage) => scope.postMessage(message);

let host: Promise<SearchIndexHost | undefined> | undefined;

scope.addEventListener('message', (event: MessageEvent<SearchRequest>) => {
  const request = event.data;
  if (request.type === 'open') {
    host ??= open(request.database, request.caseId);
    return;
  }
  void host?.then((ready) => {
    if (!ready) return;
    const started = performance.now();
    const results = ready.search(request.query, request.limitPerType);
    post({ type: 'results', requestId: request.requestId, query: request.query, results, tookMs: performance.now() - started });
  });
});

async function open(database: DatabaseAddress, caseId: string): Promise<SearchIndexHost | undefined> {
  try {
    // It only shows the case: a damaged record is left out, as in the window, which names it.
    const db = await openVigiaDatabase(database, { damagedRecords: 'report' });
    const ready = new SearchIndexHost(db, caseId);
    post({ type: 'ready', sizes: await ready.start() });
    return ready;
  } catch (error) {
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}
