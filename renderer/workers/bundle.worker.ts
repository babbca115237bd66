import { openVigiaDatabase } from '../db/database';
import { exportCase, openBundleFile, sealIdentity, unsealIdentity } from './bundle-jobs';
import type { BundleMessage, BundleRequest } from './bundle-protocol';

/** One job per worker: the page starts a worker, sends one request and ends it after the last message. */
interface WorkerScope {
  postMessage(message: BundleMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BundleRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** Progress at most this often: a message per 64 KiB chunk would flood the page. */
const PROGRESS_INTERVAL_MS = 100;
let lastProgress = 0;

scope.addEventListener('message', (event) => {
  void run(event.data).then(
    (message) => scope.postMessage(message, message.type === 'exported' ? [message.bytes.buffer as ArrayBuffer] : []),
    (error: unknown) => scope.postMessage({ type: 'failed', error: { code: 'bundle_unreadable', detail: error instanceof Error ? error.message : String(error) } }),
  );
});

function report(phase: 'reading' | 'encrypting' | 'decrypting', done: number, total: number): void {
  const now = performance.now();
  if (done !== total && now - lastProgress < PROGRESS_INTERVAL_MS) return;
  lastProgress = now;
  scope.postMessage({ type: 'progress', phase, done, total });
}

async function run(request: BundleRequest): Promise<BundleMessage> {
  switch (request.job) {
    case 'seal':
      return sealIdentity(request);
    case 'unseal':
      return unsealIdentity(request);
    case 'open':
      return openBundleFile(request, report);
    case 'export': {
      const db = await openVigiaDatabase(request.databaseName);
      try {
        return await exportCase(db, request, report);
      } finally {
        db.close();
      }
    }
  }
}
