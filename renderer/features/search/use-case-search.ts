import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResults } from '../../../shared/search';
import { useDatabase } from '../../db';
import type { SearchMessage, SearchRequest } from '../../workers/search-protocol';
import { NETWORK_RENDERED_MARK } from '../network/network-marks';

export type SearchStatus = 'preparing' | 'ready' | 'failed';

export interface CaseSearch {
  status: SearchStatus;
  /** The answer to the latest query sent, and that query; older answers are dropped. */
  answer: { query: string; results: SearchResults } | undefined;
  search(query: string): void;
}

const LIMIT_PER_TYPE = 8;

/** Longest wait for the network's first drawing before the index is built anyway (a case may draw nothing). */
const START_AT_LATEST_MS = 3000;

/**
 * The search worker of the open case: started once the network is first drawn (building the index
 * competes with that drawing for the two cores), at the latest after a few seconds or at the first
 * search, so Ctrl+K finds the index built; stopped when the case closes. Every keystroke sends the
 * query (queued in the worker until the index is built); only the latest answer is kept.
 */
export function useCaseSearch(caseId: string): CaseSearch {
  const db = useDatabase();
  const worker = useRef<Worker | undefined>(undefined);
  const latestRequest = useRef(0);
  const pendingQuery = useRef<string | undefined>(undefined);
  const [wantedFor, setWantedFor] = useState<string>();
  const wanted = wantedFor === caseId;
  const [status, setStatus] = useState<SearchStatus>('preparing');
  const [answer, setAnswer] = useState<CaseSearch['answer']>();

  useEffect(() => {
    const start = () => setWantedFor(caseId);
    const timer = setTimeout(start, START_AT_LATEST_MS);
    const drawn = new PerformanceObserver((list) => {
      if (list.getEntriesByName(NETWORK_RENDERED_MARK).length > 0) start();
    });
    drawn.observe({ type: 'mark' });
    return () => {
      clearTimeout(timer);
      drawn.disconnect();
    };
  }, [caseId]);

  useEffect(() => {
    if (!wanted) return;
    const started = new Worker(new URL('../../workers/search.worker.ts', import.meta.url), { type: 'module' });
    worker.current = started;
    started.addEventListener('message', (event: MessageEvent<SearchMessage>) => {
      const message = event.data;
      if (message.type === 'ready') setStatus('ready');
      else if (message.type === 'failed') {
        console.error('search worker failed:', message.reason);
        setStatus('failed');
      } else if (message.requestId === latestRequest.current) {
        // The index's own time, beside the keystroke → screen time SearchDialog measures (benchmark).
        performance.mark('vigia:search-worker', { detail: message.tookMs });
        setAnswer({ query: message.query, results: message.results });
      }
    });
    started.addEventListener('error', (event) => {
      console.error('search worker error:', event.message);
      setStatus('failed');
    });
    const open: SearchRequest = { type: 'open', database: db.address, caseId };
    started.postMessage(open);
    if (pendingQuery.current !== undefined) {
      started.postMessage(searchRequest(latestRequest.current, pendingQuery.current));
      pendingQuery.current = undefined;
    }
    return () => {
      started.terminate();
      worker.current = undefined;
    };
  }, [db, caseId, wanted]);

  const search = useCallback((query: string) => {
    latestRequest.current += 1;
    if (worker.current) worker.current.postMessage(searchRequest(latestRequest.current, query));
    else {
      // Searched before the network was drawn: start now, and send the query once it has.
      pendingQuery.current = query;
      setWantedFor(caseId);
    }
  }, [caseId]);

  return { status, answer, search };
}

function searchRequest(requestId: number, query: string): SearchRequest {
  return { type: 'search', requestId, query, limitPerType: LIMIT_PER_TYPE };
}
