import type { ExportJob, ExportMessage } from '../../workers/export-protocol';

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
  const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(error: Error): void } | undefined;
  const result = new Promise<ExportResult>((resolve, reject) => {
    settle = { reject };
    worker.addEventListener('message', (event: MessageEvent<ExportMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message);
      else {
        worker.terminate();
        if (message.type === 'done') resolve({ file: message.file, extension: message.extension, persons: message.persons, links: message.links });
        else reject(new Error(message.reason));
      }
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
