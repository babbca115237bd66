import { cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { caseStates, caseStateKey, loadCaseNetwork, putCachedNetwork } from '../../db';
import { aggregateByPrison } from '../../network-model/prison-overview';
import { toNetworkInput } from '../../network-model/to-network-input';
import type { OverviewMessage } from '../../workers/network-overview-protocol';
import { importSnapshot } from '../../db/import-snapshot';
import { freshDatabase, syntheticSnapshot } from '../../db/test-support';
import { keepCaseCached } from '../../workers/case-network-compute';
import { cachingUnderWay } from './caching-under-way';
import { KEEPER_DEFAULTS, NetworkKeeper } from './network-keeper';
import { useCaseOverview } from './use-case-overview';
import { useLargeCaseNetwork } from './use-large-case-network';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const CASE_ID = 'case:big';

describe('opening a large case while the network keeper brings it up to date', () => {
  it('waits for the keeping and reads its cache, starting no worker of its own', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_100, 3_000, 12, CASE_ID));
    const workers: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        constructor(url: unknown) {
          workers.push(url);
        }
        addEventListener() {}
        postMessage() {}
        terminate() {}
      },
    );
    // The keeping's worker, run here and let go only when the test says.
    let letGo = () => undefined as void;
    const released = new Promise<void>((resolve) => (letGo = resolve));
    const keeper = new NetworkKeeper(
      (caseId) => ({ done: released.then(() => keepCaseCached(db, caseId)), cancel: () => undefined }),
      { ...KEEPER_DEFAULTS, quietMs: 0, startAfterMs: 0 },
    );
    keeper.observe(await caseStates(db), undefined);
    await waitFor(() => expect(cachingUnderWay(CASE_ID)).toBeInstanceOf(Promise));

    // The analyst opens the case: the overview first, then the people and links.
    const overview = renderHook(() => useCaseOverview(db, CASE_ID, true));
    const network = renderHook(() => useLargeCaseNetwork(db, CASE_ID, true, true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(overview.result.current).toBeUndefined();
    expect(network.result.current).toBeUndefined();

    letGo();
    await waitFor(() => expect(overview.result.current?.status).toBe('ready'));
    await waitFor(() => expect(network.result.current).toEqual(expect.objectContaining({ persons: expect.any(Array) })));
    expect(network.result.current).toEqual(await loadCaseNetwork(db, CASE_ID));
    expect(workers).toEqual([]);
    keeper.dispose();
  }, 30_000);

  it('draws the overview its worker hands over first, and takes the people and links from the cache that worker then writes', async () => {
    const db = await freshDatabase();
    await importSnapshot(db, syntheticSnapshot(2_100, 3_000, 12, CASE_ID));
    const network = (await loadCaseNetwork(db, CASE_ID))!;
    const stateKey = await caseStateKey(db, CASE_ID);
    // The overview worker as the page meets it: the overview at once, the network cached when the test says.
    let cacheNetwork = () => undefined as void;
    const caseNetworkWorkers: unknown[] = [];
    vi.stubGlobal(
      'Worker',
      class {
        private listener: ((event: { data: OverviewMessage }) => void) | undefined;
        private readonly overviewWorker: boolean;
        constructor(url: URL) {
          this.overviewWorker = String(url).includes('network-overview');
          if (!this.overviewWorker) caseNetworkWorkers.push(url);
        }
        addEventListener(type: string, listener: (event: { data: OverviewMessage }) => void) {
          if (type === 'message') this.listener = listener;
        }
        postMessage() {
          if (!this.overviewWorker) return;
          this.listener?.({ data: { type: 'overview', overview: aggregateByPrison(toNetworkInput(network)) } });
          cacheNetwork = () => void putCachedNetwork(db, CASE_ID, stateKey, network).then(() => this.listener?.({ data: { type: 'network-cached' } }));
        }
        terminate() {}
      },
    );

    const overview = renderHook(() => useCaseOverview(db, CASE_ID, true));
    await waitFor(() => expect(overview.result.current?.status).toBe('ready'));
    // Drawn: now the people and links are wanted, while the worker is still caching them.
    const people = renderHook(() => useLargeCaseNetwork(db, CASE_ID, true, true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(people.result.current).toBeUndefined();
    cacheNetwork();
    await waitFor(() => expect(people.result.current).toEqual(network));
    expect(caseNetworkWorkers).toEqual([]);
  }, 30_000);
});
