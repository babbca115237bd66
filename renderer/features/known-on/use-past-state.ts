import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/model';
import { discardPastState, openPastState, type VigiaDatabase } from '../../db';
import type { PastStateMessage, PastStateRequest } from '../../workers/past-state-protocol';

export type PastState =
  | { status: 'present' }
  | { status: 'building'; day: IsoDate; done: number; total: number }
  | { status: 'ready'; day: IsoDate; db: VigiaDatabase; undone: number }
  | { status: 'broken_chain'; day: IsoDate; workstationId: string; brokenAt: number }
  | { status: 'not_known'; day: IsoDate }
  | { status: 'failed'; day: IsoDate };

/**
 * The open case as known on `day`, rebuilt in a worker (progress, and ended when the day changes or
 * the analyst goes back to today). Without a day, the present: the past-state database is deleted.
 */
export function usePastState(live: VigiaDatabase, caseId: string | undefined, day: IsoDate | undefined): PastState {
  const key = caseId && day ? `${live.name}|${caseId}|${day}` : undefined;
  // What the worker reported for `key`; a different key has not reported yet.
  const [reported, setReported] = useState<{ key: string; state: PastState }>();
  useEffect(() => {
    if (!caseId || !day || !key) {
      void discardPastState(live.name);
      return;
    }
    let past: VigiaDatabase | undefined;
    let ended = false;
    const setState = (state: PastState) => {
      if (!ended) setReported({ key, state });
    };
    const worker = new Worker(new URL('../../workers/past-state.worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('message', (event: MessageEvent<PastStateMessage>) => {
      const message = event.data;
      if (message.type === 'progress') setState({ status: 'building', day, done: message.done, total: message.total });
      else if (message.type === 'refused' && message.reason === 'broken_chain')
        setState({ status: 'broken_chain', day, workstationId: message.workstationId, brokenAt: message.brokenAt });
      else if (message.type === 'refused') setState({ status: 'not_known', day });
      else if (message.type === 'failed') {
        console.error('past state failed:', message.reason);
        setState({ status: 'failed', day });
      } else
        void openPastState(message.databaseName).then((db) => {
          if (ended) db.close();
          else {
            past = db;
            setState({ status: 'ready', day, db, undone: message.undone });
          }
        }, () => setState({ status: 'failed', day }));
      if (message.type !== 'progress') worker.terminate();
    });
    worker.addEventListener('error', () => setState({ status: 'failed', day }));
    const request: PastStateRequest = { databaseName: live.name, caseId, day };
    worker.postMessage(request);
    return () => {
      ended = true;
      worker.terminate();
      past?.close();
    };
  }, [live, caseId, day, key]);
  if (!key || !day) return { status: 'present' };
  return reported?.key === key ? reported.state : { status: 'building', day, done: 0, total: 0 };
}
