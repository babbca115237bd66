import type { BundleMessage, BundlePhase, BundleRequest } from '../../workers/bundle-protocol';

export type JobProgress = { phase: BundlePhase; done: number; total: number };
export type JobResult = Exclude<BundleMessage, { type: 'progress' }>;

/**
 * Runs one job in a fresh bundle worker and ends the worker with it: scrypt and ChaCha20 never run
 * on the page's thread, and no secret outlives the job in a worker.
 */
export function runBundleJob(request: BundleRequest, onProgress?: (progress: JobProgress) => void): Promise<JobResult> {
  const worker = new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const finish = (result: JobResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (event: MessageEvent<BundleMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.({ phase: message.phase, done: message.done, total: message.total });
      else finish(message);
    });
    worker.addEventListener('error', (event) => {
      finish({ type: 'failed', error: { code: 'bundle_unreadable', detail: event.message } });
    });
    worker.postMessage(request);
  });
}
