import { computeFreeLayout } from './layout-free';
import type { FreeLayoutRequest, LayoutMessage } from './layout-protocol';

/** Runs force layouts off the page's thread: fcose takes seconds at a thousand people. */
interface WorkerScope {
  postMessage(message: LayoutMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FreeLayoutRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event: MessageEvent<FreeLayoutRequest>) => {
  try {
    scope.postMessage({ type: 'done', positions: computeFreeLayout(event.data) });
  } catch (error) {
    scope.postMessage({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
});
