import type { DatabaseAddress } from '../../db';
import { localToday } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import type { DemoCaseMessage, DemoCasePrepare, DemoCaseRequest } from '../../workers/demo-case-protocol';
import { dropStoring, markStored, showWhileStoring } from '../network/case-being-stored';

/**
 * A demo-case worker started before it is asked for, while the first-run screen is shown: loading
 * and compiling its module (generator, database) took half a second of the click → drawn time.
 */
let warmWorker: Worker | undefined;

function startWorker(): Worker {
  return new Worker(new URL('../../workers/demo-case.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts the demo-case worker ahead of the click and has it open `database` (which readies the
 * cipher too: together a quarter of a second that came after the click); the returned function
 * stops it if still unused.
 */
export function warmDemoWorker(database: DatabaseAddress): () => void {
  const worker = (warmWorker ??= startWorker());
  const prepare: DemoCasePrepare = { prepare: database };
  worker.postMessage(prepare);
  return () => {
    if (warmWorker !== worker) return;
    warmWorker = undefined;
    worker.terminate();
  };
}

/**
 * Starts generating and saving a demo case in a Web Worker, reporting progress through the UI
 * store. Resolves with the new case's id, or undefined when it failed (the store says so).
 * A case small enough to open on its people is handed to `onGenerated` as soon as it is generated,
 * to be shown while it is stored (case-being-stored.ts); if the storing then fails, it is dropped
 * and `onLost` is called. Only one import runs at a time; a second call while one runs resolves to
 * undefined at once.
 */
export function importDemoCase(
  size: number,
  database: DatabaseAddress,
  shown: { onGenerated(caseId: string): void; onLost(caseId: string): void } = { onGenerated: () => undefined, onLost: () => undefined },
): Promise<string | undefined> {
  const { demoProgress, setDemoProgress } = useUiStore.getState();
  if (demoProgress.phase === 'generating' || demoProgress.phase === 'saving' || demoProgress.phase === 'opening') {
    return Promise.resolve(undefined);
  }
  setDemoProgress({ phase: 'generating', size });
  const worker = warmWorker ?? startWorker();
  warmWorker = undefined;
  let generatedId: string | undefined;
  return new Promise((resolve) => {
    const finish = (caseId: string | undefined) => {
      worker.terminate();
      if (!caseId && generatedId) {
        dropStoring(generatedId);
        shown.onLost(generatedId);
      }
      resolve(caseId);
    };
    worker.addEventListener('message', (event: MessageEvent<DemoCaseMessage>) => {
      const message = event.data;
      switch (message.type) {
        case 'generating':
          setDemoProgress({ phase: 'generating', size });
          break;
        case 'generated':
          generatedId = message.network.case.id;
          showWhileStoring(message.network);
          shown.onGenerated(generatedId);
          break;
        case 'saving':
          setDemoProgress({ phase: 'saving', size, done: message.done, total: message.total });
          break;
        case 'done':
          markStored(message.caseId, message.stateKey);
          setDemoProgress({ phase: 'opening', size });
          finish(message.caseId);
          break;
        case 'failed':
          console.error('demo case failed:', message.reason);
          setDemoProgress({ phase: 'failed', size });
          finish(undefined);
          break;
      }
    });
    worker.addEventListener('error', (event) => {
      console.error('demo case worker error:', event.message);
      setDemoProgress({ phase: 'failed', size });
      finish(undefined);
    });
    const request: DemoCaseRequest = { size, today: localToday(), database };
    worker.postMessage(request);
  });
}
