import type { ImportMessage, ImportRequest } from '../../workers/import-protocol';

export type PlanOutcome = Extract<ImportMessage, { type: 'planned' | 'file-failed' | 'failed' }>;

/**
 * Reads and plans an import in a fresh worker, reporting progress. `cancel` terminates the worker:
 * nothing has been written at that stage, so there is nothing to undo.
 */
export function planInWorker(request: ImportRequest, onProgress: (message: Extract<ImportMessage, { type: 'progress' }>) => void): { result: Promise<PlanOutcome | undefined>; cancel(): void } {
  const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module' });
  let settle: (outcome: PlanOutcome | undefined) => void = () => undefined;
  const result = new Promise<PlanOutcome | undefined>((resolve) => {
    settle = (outcome) => {
      worker.terminate();
      resolve(outcome);
    };
  });
  worker.addEventListener('message', (event: MessageEvent<ImportMessage>) => {
    const message = event.data;
    if (message.type === 'progress') onProgress(message);
    else settle(message);
  });
  worker.addEventListener('error', (event) => settle({ type: 'failed', reason: event.message }));
  worker.postMessage(request, request.files.map((f) => f.bytes.buffer as ArrayBuffer));
  return { result, cancel: () => settle(undefined) };
}
