import { useEffect, useState } from 'react';
import type { IsoDate } from '../../../shared/model';
import { discardPastOverlay, openVigiaDatabase, pastStateName, type VigiaDatabase } from '../../db';
import type { PastStateMessage, PastStateRequest } from '../../workers/past-state-protocol';

export type PastState =
  | { status: 'present' }
  | { status: 'building'; day: IsoDate }
  | { status: 'ready'; day: IsoDate; db: VigiaDatabase; undone: number }
  | { status: 'broken_chain'; day: IsoDate; workstationId: string; brokenAt: number }
  | { status: 'not_known'; day: IsoDate }
  | { status: 'failed'; day: IsoDate };

/**
 * The open case as known on `day`: worked out in a worker (ended when the day changes or the analyst
 * goes back to today), then opened as the live database seen through that day's overlay. Without a
 * day, the present, and the overlay is forgotten.
 */
export function usePastState(live: VigiaDatabase, caseId: string | undefined, day: IsoDate | undefined): PastState {
  const key = caseId && day ? `${live.name}|${caseId}|${day}` : undefined;
  // What the worker reported for `key`; another key has not reported yet.
  const [reported, setReported] = useState<{ key: string; state: PastState }>();
  useEffect(() => {
    if (!caseId || !day || !key) {
      void discardPastOverlay(live.name);
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
      worker.terminate();
      if (message.type === 'refused' && message.reason === 'broken_chain')
        setState({ status: 'broken_chain', day, workstationId: message.workstationId, brokenAt: message.brokenAt });
      else if (message.type === 'refused') setState({ status: 'not_known', day });
      else if (message.type === 'failed') {
        console.error('past state failed:', message.reason);
        setState({ status: 'failed', day });
      } else
        void openVigiaDatabase(live.addressOf(pastStateName(live.name))).then(
          (db) => {
            if (ended) db.close();
            else {
              past = db;
              setState({ status: 'ready', day, db, undone: message.undone });
            }
          },
          () => setState({ status: 'failed', day }),
        );
    });
    worker.addEventListener('error', () => setState({ status: 'failed', day }));
    const request: PastStateRequest = { database: live.address, caseId, day };
    worker.postMessage(request);
    return () => {
      ended = true;
      worker.terminate();
      past?.close();
      // The same day chosen again later is worked out again: the case may have changed meanwhile.
      setReported(undefined);
    };
  }, [live, caseId, day, key]);
  if (!key || !day) return { status: 'present' };
  return reported?.key === key ? reported.state : { status: 'building', day };
}
