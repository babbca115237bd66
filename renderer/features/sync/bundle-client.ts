import type { BundleKey } from '../../../shared/bundle/age-layer';
import type { BundleManifest } from '../../../shared/bundle/manifest';
import type { BridgeResult, VigiaBridge } from '../../../shared/ipc/contract';
import { getBridge } from '../../platform/bridge';
import { exportOutput, saveLargeFile, saveSealedFile, sealsInUtilityProcess, type PickedLargeFile } from '../../platform/large-files';
import type { BundleMessage, BundlePhase, BundleRequest } from '../../workers/bundle-protocol';
import { servePlaintext } from '../../workers/plaintext-port';

/** `checking`: the bundle is decrypted (by the worker, or by the desktop app's utility process); the worker checks its hashes and records. */
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
    const transfer: Transferable[] = source && !(source instanceof Blob) && !(source instanceof Uint8Array) ? [source.stream] : [];
    if (request.job === 'open-staged') transfer.push(request.plaintext.port);
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

type ExportRequest = Omit<Extract<BundleRequest, { job: 'export' }>, 'output'>;

/**
 * Exports and saves a bundle. Desktop: the worker writes the signed ZIP and the utility process
 * encrypts it with node:crypto on its way to disk; if that process is unavailable, the worker
 * encrypts (libsodium), as in web mode. `saved` is absent when the export itself failed.
 */
export async function exportBundle(
  request: ExportRequest,
  fileName: (manifest: BundleManifest) => string,
  onProgress?: (progress: JobProgress) => void,
  signal?: AbortSignal,
  bridge: VigiaBridge = getBridge(),
): Promise<{ result: JobResult; saved?: BridgeResult<{ name: string }> }> {
  if (sealsInUtilityProcess(bridge)) {
    const result = await runBundleJob({ ...request, output: 'zip-stream' }, onProgress, signal);
    if (result.type !== 'exported' || !(result.file instanceof ReadableStream)) return { result };
    const saved = await saveSealedFile(fileName(result.manifest), result.file, request.encryption, signal, bridge);
    if (saved.ok || saved.error !== 'unavailable') return { result, saved };
  }
  const result = await runBundleJob({ ...request, output: exportOutput(bridge) }, onProgress, signal);
  if (result.type !== 'exported') return { result };
  return { result, saved: await saveLargeFile(fileName(result.manifest), result.file, signal, bridge) };
}

/**
 * Decrypts, verifies and stages a picked bundle. Desktop: the utility process decrypts it into a
 * temporary file (node:crypto) and the worker checks the plaintext through the page; if that process
 * is unavailable or cannot stage, the worker decrypts as in web mode. age's refusals (wrong key,
 * damaged file …) are the same errors either way.
 */
export async function openBundleJob(
  file: PickedLargeFile,
  key: BundleKey,
  trustedSigningKeys: string[],
  onProgress?: (progress: JobProgress) => void,
  signal?: AbortSignal,
): Promise<JobResult> {
  if (file.unseal) {
    onProgress?.({ phase: 'decrypting', done: 0, total: file.size });
    const unsealed = await file.unseal(key, ({ done, total }) => onProgress?.({ phase: 'decrypting', done, total }));
    if (unsealed.ok) {
      if ('refused' in unsealed.value) return { type: 'failed', error: unsealed.value.refused };
      const plaintext = unsealed.value;
      const channel = new MessageChannel();
      servePlaintext(channel.port1, (offset, length) => plaintext.read(offset, length), () => void plaintext.close());
      try {
        // Decrypted already: what the worker reports now is the check of the plaintext, not decryption.
        const checking = (progress: JobProgress) => onProgress?.({ ...progress, phase: 'checking' });
        return await runBundleJob({ job: 'open-staged', plaintext: { port: channel.port2, size: plaintext.size }, key, trustedSigningKeys }, checking, signal);
      } finally {
        channel.port1.close();
        await plaintext.close();
      }
    }
    if (unsealed.error === 'cancelled' || unsealed.error === 'forbidden_sender' || unsealed.error === 'invalid_argument') {
      return { type: 'failed', error: { code: 'bundle_unreadable', detail: unsealed.error } };
    }
  }
  return runBundleJob({ job: 'open', bytes: file.forWorker(), key, trustedSigningKeys }, onProgress, signal);
}
