import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { caseStateKey, getCachedNetwork, loadCaseNetwork, putCachedNetwork, type CaseNetwork, type VigiaDatabase } from '../../db';
import { dropStoring, useCaseBeingStored } from './case-being-stored';

type Read = { caseId: string; stateKey: string; network: CaseNetwork | null; fromRecords: boolean };

/** How long the case must stay unchanged before its network is cached again: not on every keystroke of an edit. */
const CACHE_AFTER_MS = 2_000;

/**
 * The network of a small case, read on the page, live: from its cached network while the case is as
 * it was when that was made (one row: what the demo worker leaves for the first drawing, and what a
 * reload finds), else record by record (a few thousand records, opened one by one). A read of the
 * records is cached once the case has stayed unchanged a moment, for the next opening. Any write to
 * the case changes its state key (an index count on the audit log) and so reads it again; rewriting
 * the cache row does not, and hands the same network back, so nothing is drawn twice.
 * A case still being stored (case-being-stored.ts) is the network its worker generated, and stays
 * that very object once stored under the state its worker cached it at.
 * Undefined until read; null when the case is gone.
 */
export function useSmallCaseNetwork(db: VigiaDatabase, caseId: string, enabled: boolean): CaseNetwork | null | undefined {
  const last = useRef<Read>(undefined);
  const storing = useCaseBeingStored(caseId);
  // Reading the case before its worker has stored it would only wait for the worker's transaction.
  const stored = storing === undefined || storing.stateKey !== undefined;
  const read = useLiveQuery(async (): Promise<Read | undefined> => {
    if (!enabled || !stored) return undefined;
    const stateKey = await caseStateKey(db, caseId);
    const previous = last.current;
    if (previous?.caseId === caseId && previous.stateKey === stateKey) return previous;
    if (storing?.stateKey === stateKey) return (last.current = { caseId, stateKey, network: storing.network, fromRecords: false });
    const cached = await getCachedNetwork(db, caseId, stateKey).catch((error: unknown) => {
      console.error('case network: cache not readable', error);
      return undefined;
    });
    const next: Read = cached
      ? { caseId, stateKey, network: cached, fromRecords: false }
      : { caseId, stateKey, network: (await loadCaseNetwork(db, caseId)) ?? null, fromRecords: true };
    last.current = next;
    return next;
  }, [db, caseId, enabled, stored, storing]);

  // Once the live read holds the network its worker generated, nothing else needs it kept.
  useEffect(() => {
    if (storing?.stateKey !== undefined && read?.network === storing.network) dropStoring(caseId);
  }, [caseId, read, storing]);

  useEffect(() => {
    if (!read?.fromRecords || !read.network) return;
    const network = read.network;
    const timer = setTimeout(() => {
      putCachedNetwork(db, read.caseId, read.stateKey, network).catch((error: unknown) => console.error('case network: not cached', error));
    }, CACHE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [db, read]);

  if (!enabled) return undefined;
  return read?.caseId === caseId ? read.network : storing?.network;
}
