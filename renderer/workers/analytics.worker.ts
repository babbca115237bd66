import { deriveCoLocations, JobCancelled, UnknownPersonError } from '../../shared/graph';
import { computeMetrics, computePaths, computeWhatIf, loadNetwork, type LoadedNetwork } from './analytics-compute';
import { parseAnalyticsRequest, requestIdOf, type AnalyticsMessage, type AnalyticsRequest } from './analytics-protocol';

/**
 * The case's network, held off the page's thread: exact betweenness on 10k people takes tens of
 * seconds, and the UI must keep answering (and be able to cancel) meanwhile. Long jobs yield to a
 * zero-delay timer between slices so that `cancel`, `paths` and `whatIf` messages get through.
 */
// The renderer compiles against the DOM lib; the worker scope is described here as far as it is used.
interface WorkerScope {
  postMessage(message: AnalyticsMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** Progress is posted at most this often: a message per slice would flood the page. */
const PROGRESS_INTERVAL_MS = 100;

let network: LoadedNetwork | undefined;
/** The metrics job running now, if any; `cancel` and `load` stop it. */
let running: { requestId: number; cancelled: boolean } | undefined;

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

scope.addEventListener('message', (event) => {
  const request = parseAnalyticsRequest(event.data);
  if (!request) {
    scope.postMessage({ type: 'failed', requestId: requestIdOf(event.data), reason: 'badRequest' });
    return;
  }
  void handle(request);
});

async function handle(request: AnalyticsRequest): Promise<void> {
  try {
    switch (request.type) {
      case 'load':
        if (running) running.cancelled = true;
        // A network that fails to load must not leave the previous case's answering questions.
        network = undefined;
        network = loadNetwork(request.network);
        scope.postMessage({ type: 'loaded', people: network.graph.nodeCount, linkedPairs: network.graph.edgeCount });
        return;
      case 'cancel':
        if (running?.requestId === request.requestId) running.cancelled = true;
        return;
      case 'coLocations':
        scope.postMessage({ type: 'coLocations', requestId: request.requestId, coLocations: deriveCoLocations(request.stays) });
        return;
      case 'metrics':
        await runMetrics(request.requestId, request.exactLimit);
        return;
      case 'paths': {
        if (!network) return fail(request.requestId, 'noNetwork');
        const result = computePaths(network, request.from, request.to, request.maxPaths);
        if (!result) return fail(request.requestId, 'unknownPerson');
        scope.postMessage({ type: 'paths', requestId: request.requestId, result });
        return;
      }
      case 'whatIf': {
        if (!network) return fail(request.requestId, 'noNetwork');
        const result = computeWhatIf(network, request.scenario);
        if (!result) return fail(request.requestId, 'unknownPerson');
        scope.postMessage({ type: 'whatIf', requestId: request.requestId, result });
        return;
      }
    }
  } catch (error) {
    fail('requestId' in request ? request.requestId : undefined, error instanceof UnknownPersonError ? 'unknownPerson' : 'internal');
  }
}

async function runMetrics(requestId: number, exactLimit: number): Promise<void> {
  if (!network) return fail(requestId, 'noNetwork');
  if (running) running.cancelled = true;
  const job = { requestId, cancelled: false };
  running = job;
  let lastReport = 0;
  try {
    const metrics = await computeMetrics(network, exactLimit, {
      pause,
      isCancelled: () => job.cancelled,
      onProgress: (stage, { done, total }) => {
        const now = performance.now();
        if (now - lastReport < PROGRESS_INTERVAL_MS && done > 0) return;
        lastReport = now;
        scope.postMessage({ type: 'progress', requestId, stage, done, total });
      },
    });
    scope.postMessage({ type: 'metrics', requestId, metrics });
  } catch (error) {
    if (error instanceof JobCancelled) scope.postMessage({ type: 'cancelled', requestId });
    else throw error;
  } finally {
    if (running === job) running = undefined;
  }
}

function fail(requestId: number | undefined, reason: 'noNetwork' | 'unknownPerson' | 'internal'): void {
  scope.postMessage({ type: 'failed', requestId, reason });
}
