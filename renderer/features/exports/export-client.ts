import type { ExportJob, ExportMessage, ReleasePreviewResult } from '../../workers/export-protocol';

export type ExportProgress = Extract<ExportMessage, { type: 'progress' }>;
export type ExportResult = Omit<Extract<ExportMessage, { type: 'done' }>, 'type'>;

/** A running export: its result, and a way to stop it (the worker is terminated, nothing is kept). */
export interface RunningExport {
  result: Promise<ExportResult>;
  cancel(): void;
}

export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** Starts one export in its own worker, reporting progress; the worker ends with the export. */
export function startExport(job: ExportJob, onProgress: (progress: ExportProgress) => void): RunningExport {
  return run<ExportResult>({ ...job, previewOnly: false }, onProgress, (message) => {
    if (message.type !== 'done') return undefined;
    const { type: _type, ...result } = message;
    return result;
  });
}

/** What releasing the case up to the job's marking would withhold, computed in a worker. */
export function previewRelease(job: ExportJob): { result: Promise<ReleasePreviewResult>; cancel(): void } {
  return run<ReleasePreviewResult>({ ...job, previewOnly: true }, () => undefined, (message) =>
    message.type === 'preview' ? { withheld: message.withheld, marking: message.marking, kept: message.kept } : undefined,
  );
}

function run<T>(job: ExportJob, onProgress: (progress: ExportProgress) => void, finished: (message: ExportMessage) => T | undefined): { result: Promise<T>; cancel(): void } {
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(error: Error): void } | undefined;
  const result = new Promise<T>((resolve, reject) => {
    settle = { reject };
    worker.addEventListener('message', (event: MessageEvent<ExportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        onProgress(message);
        return;
      }
      worker.terminate();
      const value = finished(message);
      if (value !== undefined) resolve(value);
      else reject(new Error(message.type === 'failed' ? message.reason : 'unexpected_message'));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(event.message || 'worker_error'));
    });
  });
  worker.postMessage(job);
  return {
    result,
    cancel: () => {
      worker.terminate();
      settle?.reject(new ExportCancelled());
    },
  };
}
