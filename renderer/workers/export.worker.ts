import { openVigiaDatabase } from '../db/database';
import { previewExport, writeExport } from './export-file';
import { isExportJob, type ExportMessage } from './export-protocol';

/**
 * Exports for other tools off the page's thread: a 10k-person case is read and written in seconds,
 * and the analyst can go on working, or cancel (the page terminates this worker).
 */
interface WorkerScope {
  postMessage(message: ExportMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;
/** Progress at most this often: thousands of messages would flood the page. */
const PROGRESS_INTERVAL_MS = 100;

scope.addEventListener('message', (event: MessageEvent<unknown>) => {
  void run(event.data);
});

async function run(job: unknown): Promise<void> {
  if (!isExportJob(job)) {
    scope.postMessage({ type: 'failed', reason: 'invalid_job' });
    return;
  }
  try {
    const db = await openVigiaDatabase(job.database);
    try {
      if (job.previewOnly) {
        scope.postMessage({ type: 'preview', ...(await previewExport(db, job)) });
        return;
      }
      let last = 0;
      const done = await writeExport(db, job, (phase, count, total) => {
        const now = performance.now();
        if (count !== total && now - last < PROGRESS_INTERVAL_MS) return;
        last = now;
        scope.postMessage({ type: 'progress', phase, done: count, total });
      });
      scope.postMessage({ type: 'done', ...done });
    } finally {
      db.close();
    }
  } catch (error) {
    scope.postMessage({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}
