import { useCallback, useEffect, useRef, useState } from 'react';
import type { SearchResults } from '../../../shared/search';
import { useDatabase } from '../../db';
import type { SearchMessage, SearchRequest } from '../../workers/search-protocol';

export type SearchStatus = 'preparing' | 'ready' | 'failed';

export interface CaseSearch {
  status: SearchStatus;
  /** The answer to the latest query sent, and that query; older answers are dropped. */
  answer: { query: string; results: SearchResults } | undefined;
  search(query: string): void;
}

const LIMIT_PER_TYPE = 8;

/**
 * The search worker of the open case: started when the case opens, so the first Ctrl+K finds the
 * index built; stopped when it closes. Every keystroke sends the query; only the latest answer is kept.
 */
export function useCaseSearch(caseId: string): CaseSearch {
  const db = useDatabase();
  const worker = useRef<Worker | undefined>(undefined);
  const latestRequest = useRef(0);
  const [status, setStatus] = useState<SearchStatus>('preparing');
  const [answer, setAnswer] = useState<CaseSearch['answer']>();

  useEffect(() => {
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
    const open: SearchRequest = { type: 'open', databaseName: db.name, caseId };
    started.postMessage(open);
    return () => {
      started.terminate();
      worker.current = undefined;
    };
  }, [db, caseId]);

  const search = useCallback((query: string) => {
    latestRequest.current += 1;
    const request: SearchRequest = { type: 'search', requestId: latestRequest.current, query, limitPerType: LIMIT_PER_TYPE };
    worker.current?.postMessage(request);
  }, []);

  return { status, answer, search };
}
