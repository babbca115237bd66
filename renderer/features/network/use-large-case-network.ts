import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { caseStateKey, getCachedNetwork, type CaseNetwork, type VigiaDatabase } from '../../db';
import type { CaseNetworkMessage, CaseNetworkRequest } from '../../workers/case-network-protocol';
import { cachingUnderWay } from './caching-under-way';

type Loaded = { caseId: string; stateKey: string; network: CaseNetwork | null };

/**
 * The network of a large case, never read record by record on the page: from the cache while the
 * case is as it was when the cache was made (one row), else from the case network worker, which
 * reads the case off the page's thread and refreshes the cache (or, when the network keeper is
 * bringing the case up to date, from the cache once it has). Follows the case: any write to it
 * changes its state key (an index count on the audit log), and the network is fetched again; the
 * one already drawn stays meanwhile. Undefined until the first arrives; null when the case is gone.
 * The cache is read as soon as `enabled`; the worker starts only once `mayRead` (the overview is on
 * screen): reading the whole case beside the overview's own worker would slow both on two cores.
 */
export function useLargeCaseNetwork(db: VigiaDatabase, caseId: string, enabled: boolean, mayRead: boolean): CaseNetwork | null | undefined {
  const stateKey = useLiveQuery(() => (enabled ? caseStateKey(db, caseId) : undefined), [db, caseId, enabled]);
  const [loaded, setLoaded] = useState<Loaded>();

  useEffect(() => {
    if (!enabled || stateKey === undefined) return;
    let cancelled = false;
    let worker: Worker | undefined;
    const settle = (network: CaseNetwork | null) => {
      if (!cancelled) setLoaded({ caseId, stateKey, network });
    };
    const fromCache = async () => {
      try {
        const cached = await getCachedNetwork(db, caseId, stateKey);
        if (cached) settle(cached);
        return cached !== undefined;
      } catch (error) {
        console.error('case network: cache not readable', error);
        return false;
      }
    };
    void (async () => {
      if (await fromCache()) return;
      if (cancelled || !mayRead) return;
      // Being brought up to date already (caching-under-way.ts): that read is further along than ours would be.
      const underWay = cachingUnderWay(caseId);
      if (underWay) {
        await underWay;
        if (cancelled || (await fromCache())) return;
      }
      worker = new Worker(new URL('../../workers/case-network.worker.ts', import.meta.url), { type: 'module' });
      worker.addEventListener('message', (event: MessageEvent<CaseNetworkMessage>) => {
        worker?.terminate();
        const message = event.data;
        if (message.type === 'failed') console.error('case network worker failed:', message.reason);
        settle(message.type === 'network' ? message.network : null);
      });
      worker.addEventListener('error', (event) => {
        console.error('case network worker error:', event.message);
        settle(null);
      });
      const request: CaseNetworkRequest = { database: db.address, caseId };
      worker.postMessage(request);
    })();
    return () => {
      cancelled = true;
      worker?.terminate();
    };
  }, [db, caseId, enabled, stateKey, mayRead]);

  if (!enabled || loaded?.caseId !== caseId) return undefined;
  return loaded.network;
}
