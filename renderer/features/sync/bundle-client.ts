import type { BundleMessage, BundlePhase, BundleRequest } from '../../workers/bundle-protocol';

export type JobProgress = { phase: BundlePhase; done: number; total: number };
export type JobResult = Exclude<BundleMessage, { type: 'progress' }>;

/**
 * Runs one job in a fresh bundle worker and ends the worker with it: scrypt and ChaCha20 never run
 * on the page's thread, and no secret outlives the job in a worker. A streamed export outlives its
 * result message: the worker ends once the page has read the stream to its end or cancelled it.
 * `signal` abandons the job (the dialog closed): the worker ends and the result is `cancelled`.
 */
export function runBundleJob(request: BundleRequest, onProgress?: (progress: JobProgress) => void, signal?: AbortSignal): Promise<JobResult> {
  const worker = new Worker(new URL('../../workers/bundle.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    let settled = false;
    let failStream: ((reason: Error) => void) | undefined;
    const end = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abandon);
    };
    const finish = (result: JobResult) => {
      if (settled) return;
      settled = true;
      if (result.type === 'exported' && result.file instanceof ReadableStream) {
        const { stream, fail } = endingWith(result.file, end);
        failStream = fail;
        resolve({ ...result, file: stream });
      } else {
        end();
        resolve(result);
      }
    };
    function abandon() {
      failStream?.(new Error('cancelled'));
      end();
      finish({ type: 'failed', error: { code: 'cancelled' } });
    }
    if (signal?.aborted) return abandon();
    signal?.addEventListener('abort', abandon);
    worker.addEventListener('message', (event: MessageEvent<BundleMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.({ phase: message.phase, done: message.done, total: message.total });
      else finish(message);
    });
    worker.addEventListener('error', (event) => {
      failStream?.(new Error(event.message));
      finish({ type: 'failed', error: { code: 'bundle_unreadable', detail: event.message } });
    });
    // A Blob has a stream() method too: only the page-fed stream is transferred.
    const source = request.job === 'open' ? request.bytes : undefined;
    const transfer = source && !(source instanceof Blob) && !(source instanceof Uint8Array) ? [source.stream] : [];
    worker.postMessage(request, transfer);
  });
}

/** The worker's stream, calling `end` once it is read to the end, fails or is cancelled. */
function endingWith(source: ReadableStream<Uint8Array>, end: () => void): { stream: ReadableStream<Uint8Array>; fail: (reason: Error) => void } {
  const reader = source.getReader();
  let control: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  const stop = () => {
    if (ended) return;
    ended = true;
    end();
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start: (controller) => void (control = controller),
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            stop();
            controller.close();
          } else controller.enqueue(value);
        } catch (error) {
          stop();
          controller.error(error);
        }
      },
      async cancel(reason) {
        await reader.cancel(reason).catch(() => undefined);
        stop();
      },
    },
    { highWaterMark: 0 },
  );
  return {
    stream,
    fail: (reason) => {
      if (ended) return;
      stop();
      control?.error(reason);
      void reader.cancel(reason).catch(() => undefined);
    },
  };
}
