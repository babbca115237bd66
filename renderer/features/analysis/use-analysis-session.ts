import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useDatabase, type CaseNetwork } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { AnalyticsClient, AnalyticsError, createAnalyticsWorker } from './analytics-client';
import { toAnalyticsNetwork } from './analysis-input';

/** Exact betweenness and closeness up to this many people; above, a labelled estimate. */
export const EXACT_LIMIT = 10_000;

/**
 * One analytics worker per open case. It is loaded with the case's network (or the links the view
 * shows) whenever that changes; once the analysis is asked for (`openAnalysis` or
 * `requestAnalysis`), metrics and co-locations are recomputed on every change, and their results
 * land in the analysis slice.
 */
export function useAnalysisSession(network: CaseNetwork): {
  client: AnalyticsClient | undefined;
  cancel: () => void;
  rerun: () => void;
} {
  const db = useDatabase();
  const [client, setClient] = useState<AnalyticsClient>();
  const [runCount, setRunCount] = useState(0);
  const cancelRef = useRef<() => void>(() => {});
  const { wanted, scope, viewLinkIds } = useUiStore(
    useShallow((s) => ({ wanted: s.analysisRequested, scope: s.analysisScope, viewLinkIds: s.viewLinkIds })),
  );
  const caseId = network.case.id;
  const stays = useLiveQuery(async () => (wanted ? db.stays.where('caseId').equals(caseId).toArray() : null), [db, caseId, wanted]);

  useEffect(() => {
    // The worker is an outside resource: made and terminated with the effect, so that StrictMode's
    // double mount and a case switch never leave a stray one; the render that follows uses it.
    const created = new AnalyticsClient(createAnalyticsWorker());
    setClient(created); // eslint-disable-line react-hooks/set-state-in-effect
    return () => {
      created.dispose();
      useUiStore.getState().clearAnalysis();
    };
  }, [caseId]);

  const onlyLinkIds = scope === 'view' ? viewLinkIds : undefined;
  useEffect(() => {
    if (!client) return;
    client.load(toAnalyticsNetwork(network, onlyLinkIds));
    if (!wanted) return;
    const store = useUiStore.getState();
    store.setAnalysisRun({ phase: 'running', stage: 'betweenness', done: 0, total: 1 });
    const job = client.metrics(EXACT_LIMIT, (stage, done, total) =>
      useUiStore.getState().setAnalysisRun({ phase: 'running', stage, done, total }),
    );
    let current = true;
    cancelRef.current = job.cancel;
    job.result.then(
      (metrics) => {
        if (!current) return;
        useUiStore.getState().setAnalysisMetrics(metrics);
        useUiStore.getState().setAnalysisRun({ phase: 'idle' });
      },
      (error: unknown) => {
        if (!current) return;
        const cancelled = error instanceof AnalyticsError && error.reason === 'cancelled';
        useUiStore.getState().setAnalysisRun(cancelled ? { phase: 'cancelled' } : { phase: 'failed' });
      },
    );
    return () => {
      current = false;
      job.cancel();
    };
  }, [client, network, onlyLinkIds, wanted, runCount]);

  useEffect(() => {
    if (!client || !stays) return;
    const persons = new Set(network.persons.map((p) => p.id));
    const prisons = new Set(network.prisons.map((p) => p.id));
    let current = true;
    client
      .coLocations(stays.filter((s) => !s.deleted && persons.has(s.personId) && prisons.has(s.prisonId)))
      .then(
        (links) => current && useUiStore.getState().setDerivedLinks(links),
        () => current && useUiStore.getState().setDerivedLinks([]),
      );
    return () => {
      current = false;
    };
  }, [client, stays, network]);

  const cancel = useCallback(() => cancelRef.current(), []);
  const rerun = useCallback(() => setRunCount((n) => n + 1), []);
  return { client, cancel, rerun };
}

/** What the analysis tabs share: the running analysis and its results. */
export type AnalysisSession = ReturnType<typeof useAnalysisSession>;
