import type { DatabaseAddress } from '../db/database';
import type { SearchResults } from '../../shared/search';

/** Messages between the page and the search worker (one worker per open case). */
export type SearchRequest =
  | { type: 'open'; database: DatabaseAddress; caseId: string }
  | { type: 'search'; requestId: number; query: string; limitPerType: number };

export type SearchMessage =
  | { type: 'ready'; sizes: Record<'person' | 'prison' | 'source' | 'note', number> }
  | { type: 'results'; requestId: number; query: string; results: SearchResults; tookMs: number }
  | { type: 'failed'; reason: string };
