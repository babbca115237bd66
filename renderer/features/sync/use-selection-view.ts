import { useEffect, useMemo, useState } from 'react';
import type { Marking } from '../../../shared/model';
import { useDatabase, type DatabaseAddress, type SelectionView } from '../../db';
import type { SelectionMessage, SelectionRequest } from '../../workers/selection-protocol';

/** The picker's view: undefined while the people are read; `failed` if the worker could not read the case. */
export type SelectionViewState = SelectionView | undefined | 'failed';

/** Where the picker's views come from: the selection worker, or (tests) a computation in place. */
export interface SelectionSource {
  /** Asks for the view of `query` and `chosen` (released up to a marking); listeners hear only the answers to the latest ask. */
  view(query: string, chosen: ReadonlySet<string>, releaseUpTo?: Marking): void;
  /** Hears the latest answer now and every later one; returns the unsubscribe function. */
  listen(listener: (view: SelectionViewState) => void): () => void;
}

/**
 * The selection worker of the Send tab: started with the tab, so the case's people are read before
 * the analyst picks "chosen people", and ended with it.
 */
export function useSelectionSource(caseId: string): SelectionSource {
  const db = useDatabase();
  const started = useMemo(() => workerSource(db.address, caseId), [db.address, caseId]);
  useEffect(() => {
    started.start();
    return () => started.stop();
  }, [started]);
  return started.source;
}

/** The worker starts and stops with the tab's effect; a view asked for meanwhile is sent once it runs. */
export function workerSource(database: DatabaseAddress, caseId: string): { source: SelectionSource; start(): void; stop(): void } {
  let worker: Worker | undefined;
  let latest: Extract<SelectionRequest, { type: 'view' }> | undefined;
  let last: SelectionViewState;
  const listeners = new Set<(view: SelectionViewState) => void>();
  const tell = (view: SelectionViewState) => {
    last = view;
    for (const listener of listeners) listener(view);
  };
  const start = () => {
    const started = new Worker(new URL('../../workers/selection.worker.ts', import.meta.url), { type: 'module' });
    worker = started;
    started.addEventListener('message', (event: MessageEvent<SelectionMessage>) => {
      const message = event.data;
      if (message.type === 'failed') {
        console.error('selection worker failed:', message.reason);
        tell('failed');
      } else if (message.requestId === latest?.requestId) {
        const { type: _type, requestId: _id, ...view } = message;
        tell(view);
      }
    });
    started.addEventListener('error', (event) => {
      console.error('selection worker error:', event.message);
      tell('failed');
    });
    const open: SelectionRequest = { type: 'open', database, caseId };
    started.postMessage(open);
    if (latest) started.postMessage(latest);
  };
  return {
    source: {
      view(query, chosen, releaseUpTo) {
        latest = { type: 'view', requestId: (latest?.requestId ?? 0) + 1, query, chosen: [...chosen], ...(releaseUpTo ? { releaseUpTo } : {}) };
        worker?.postMessage(latest);
      },
      listen(listener) {
        listeners.add(listener);
        if (last !== undefined) listener(last);
        return () => void listeners.delete(listener);
      },
    },
    start,
    stop() {
      worker?.terminate();
      worker = undefined;
    },
  };
}

/** The view of the picker's query and choice, from `source`. */
export function useSelectionView(source: SelectionSource, query: string, chosen: ReadonlySet<string>, releaseUpTo?: Marking): SelectionViewState {
  const [view, setView] = useState<SelectionViewState>();
  useEffect(() => source.listen(setView), [source]);
  useEffect(() => source.view(query, chosen, releaseUpTo), [source, query, chosen, releaseUpTo]);
  return view;
}
