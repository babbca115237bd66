import { useEffect, useState } from 'react';
import { type VigiaDatabase, caseStateKey, getCachedOverview } from '../../db';
import type { OverviewMessage, OverviewRequest } from '../../workers/network-overview-protocol';
import { isPrisonOverview, type PrisonOverview } from '../../network-model/prison-overview';
import { cachingUnderWay, noteCachingUnderWay } from './caching-under-way';

export type OverviewState =
  | { caseId: string; status: 'ready'; overview: PrisonOverview }
  /** No overview to draw (the case is gone or the worker failed): the caller reads the full case. */
  | { caseId: string; status: 'unavailable' };

/**
 * The prison overview of a large case: from the cache when the case has not changed since it was
 * computed (two index reads and one row), else from the network overview worker, which reads the
 * case off the page's thread and refreshes the cache, then caches the network it read (noted as
 * under way, for the people and links to wait for); a case whose caches are already being brought
 * up to date (caching-under-way.ts) is waited for and read from the cache. Undefined while it is on its way.
 */
export function useCaseOverview(db: VigiaDatabase, caseId: string, enabled: boolean): OverviewState | undefined {
  const [state, setState] = useState<OverviewState | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let worker: Worker | undefined;
    let networkCached = () => undefined as void;
    const settle = (next: OverviewState) => {
      if (!cancelled) setState(next);
    };
    void (async () => {
      const fromCache = async () => {
        try {
          const cached = await getCachedOverview(db, caseId, await caseStateKey(db, caseId), isPrisonOverview);
          if (cached) settle({ caseId, status: 'ready', overview: cached });
          return cached !== undefined;
        } catch (error) {
          console.error('network overview: cache not readable', error);
          return false;
        }
      };
      if (await fromCache()) return;
      // Being brought up to date already (caching-under-way.ts): that read is further along than ours would be.
      const underWay = cachingUnderWay(caseId);
      if (underWay) {
        await underWay;
        if (!cancelled && (await fromCache())) return;
      }
      if (cancelled) return;
      worker = new Worker(new URL('../../workers/network-overview.worker.ts', import.meta.url), { type: 'module' });
      let shown = false;
      const ended = () => {
        worker?.terminate();
        networkCached();
        if (!shown) settle({ caseId, status: 'unavailable' });
      };
      worker.addEventListener('message', (event: MessageEvent<OverviewMessage>) => {
        const message = event.data;
        if (message.type === 'overview') {
          // The worker goes on to cache the network it read: the people and links wait for that.
          noteCachingUnderWay(caseId, new Promise<void>((resolve) => (networkCached = resolve)));
          shown = true;
          return settle({ caseId, status: 'ready', overview: message.overview });
        }
        if (message.type === 'failed') console.error('network overview worker failed:', message.reason);
        ended();
      });
      worker.addEventListener('error', (event) => {
        console.error('network overview worker error:', event.message);
        ended();
      });
      const request: OverviewRequest = { database: db.address, caseId };
      worker.postMessage(request);
    })();
    return () => {
      cancelled = true;
      worker?.terminate();
      networkCached();
    };
  }, [db, caseId, enabled]);

  return enabled && state?.caseId === caseId ? state : undefined;
}
