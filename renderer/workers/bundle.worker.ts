import { openVigiaDatabase } from '../db/database';
import { exportCase, openBundleFile, openStagedBundleFile, sealIdentity, unsealIdentity } from './bundle-jobs';
import type { BundleMessage, BundlePhase, BundleRequest } from './bundle-protocol';
import { wasmAeadReady } from './wasm-aead';
import { wasmCodecsReady } from './wasm-codecs';

/** One job per worker: the page starts a worker, sends one request and ends it after the last message. */
interface WorkerScope {
  postMessage(message: BundleMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<BundleRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
// Starts loading libsodium's WASM while the page sends the job (renderer/workers/wasm-aead.ts).
const fastAead = wasmAeadReady();
// And hash-wasm's CRC-32 and SHA-256 for the ZIP and the entry hashes (renderer/workers/wasm-codecs.ts).
const fastCodecs = wasmCodecsReady();

/** Progress at most this often: a message per 64 KiB chunk would flood the page. */
const PROGRESS_INTERVAL_MS = 100;
let lastProgress = 0;
let lastPhase: BundlePhase | undefined;

scope.addEventListener('message', (event) => {
  void run(event.data).then(
    // A streamed export is transferred: the page reads it while this worker encrypts.
    (message) => scope.postMessage(message, message.type === 'exported' && message.file instanceof ReadableStream ? [message.file] : []),
    (error: unknown) => scope.postMessage({ type: 'failed', error: { code: 'bundle_unreadable', detail: error instanceof Error ? error.message : String(error) } }),
  );
});

function report(phase: BundlePhase, done: number, total: number): void {
  const now = performance.now();
  // The first report of a phase always goes: the bar then says what is happening now.
  if (done !== total && phase === lastPhase && now - lastProgress < PROGRESS_INTERVAL_MS) return;
  lastProgress = now;
  lastPhase = phase;
  scope.postMessage({ type: 'progress', phase, done, total });
}

async function run(request: BundleRequest): Promise<BundleMessage> {
  // typage's ChaCha20-Poly1305 is libsodium's WASM once this resolves (pure JS if it cannot load).
  await fastAead;
  // undefined when the WASM cannot load: the jobs then use fflate's and noble's pure JS.
  const codecs = await fastCodecs;
  switch (request.job) {
    case 'seal':
      return sealIdentity(request);
    case 'unseal':
      return unsealIdentity(request);
    case 'open':
      return openBundleFile(request, report, codecs);
    case 'open-staged':
      return openStagedBundleFile(request, report, codecs);
    case 'export': {
      const db = await openVigiaDatabase(request.database);
      try {
        return await exportCase(db, request, report, codecs);
      } finally {
        db.close();
      }
    }
  }
}
