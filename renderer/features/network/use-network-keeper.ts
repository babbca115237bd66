import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { caseStates, type VigiaDatabase } from '../../db';
import type { CaseNetworkMessage, CaseNetworkRequest } from '../../workers/case-network-protocol';
import { NETWORK_KEPT_MARK } from './network-marks';
import { KEEPER_DEFAULTS, NetworkKeeper, type KeeperOptions, type KeepingCase } from './network-keeper';

/**
 * Keeps every case but the open one ready to open from its cache (network-keeper.ts), for as long
 * as the workstation is unlocked. `openCaseId`: the case the workspace follows live, if any.
 */
export function useNetworkKeeper(db: VigiaDatabase, openCaseId: string | undefined, options: KeeperOptions = KEEPER_DEFAULTS): void {
  const states = useLiveQuery(() => caseStates(db), [db]);
  const keeper = useRef<NetworkKeeper>(undefined);

  useEffect(() => {
    const created = new NetworkKeeper((caseId) => keepInWorker(db, caseId), options);
    keeper.current = created;
    return () => created.dispose();
  }, [db, options]);

  useEffect(() => {
    if (states) keeper.current?.observe(states, openCaseId);
  }, [states, openCaseId]);
}

/** One case brought up to date by the case network worker, which reads it off the page's thread. */
function keepInWorker(db: VigiaDatabase, caseId: string): KeepingCase {
  const worker = new Worker(new URL('../../workers/case-network.worker.ts', import.meta.url), { type: 'module' });
  let settle: (failure?: Error) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    settle = (failure) => (failure ? reject(failure) : resolve());
  });
  const end = (failure?: Error) => {
    worker.terminate();
    settle(failure);
  };
  worker.addEventListener('message', (event: MessageEvent<CaseNetworkMessage>) => {
    const message = event.data;
    if (message.type === 'kept') performance.mark(NETWORK_KEPT_MARK, { detail: { caseId, found: message.found } });
    end(message.type === 'failed' ? new Error(message.reason) : undefined);
  });
  worker.addEventListener('error', (event) => end(new Error(event.message)));
  const request: CaseNetworkRequest = { database: db.address, caseId, keepOnly: true };
  worker.postMessage(request);
  return { done, cancel: () => end() };
}
