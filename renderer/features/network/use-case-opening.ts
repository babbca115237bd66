import { useCallback, useEffect, useState } from 'react';
import { type VigiaDatabase, countCasePersonRecords } from '../../db';
import { opensOnOverview } from '../../../shared/network/network-input';
import { useCaseOverview } from './use-case-overview';
import { useLargeCaseNetwork } from './use-large-case-network';
import { useSmallCaseNetwork } from './use-small-case-network';
import { useCaseBeingStored } from './case-being-stored';

/**
 * How a case opens. A small one is read whole (from its cached network when fresh) and drawn. A large one (opensOnOverview) first
 * shows its prison overview; its people and links come only once that is on screen, so the page
 * is not busy with 50k links before anything is drawn, and they come from a cache or a worker,
 * never read record by record on the page. Decided once per case: a case that
 * grows past the threshold while open does not go back to its overview.
 */
export function useCaseOpening(db: VigiaDatabase, caseId: string) {
  const [opening, setOpening] = useState<{ caseId: string; large: boolean }>();
  // A case being stored is small (only those are shown while stored): counting it would wait for its worker.
  const storing = useCaseBeingStored(caseId) !== undefined;
  useEffect(() => {
    let cancelled = false;
    const decide = (large: boolean) => {
      if (!cancelled) setOpening((known) => (known?.caseId === caseId && known.large === large ? known : { caseId, large }));
    };
    if (storing) {
      decide(false);
      return;
    }
    countCasePersonRecords(db, caseId).then((records) => decide(opensOnOverview(records)), () => decide(false));
    return () => {
      cancelled = true;
    };
  }, [db, caseId, storing]);
  const decided = storing ? ({ caseId, large: false } as const) : opening?.caseId === caseId ? opening : undefined;
  const overview = useCaseOverview(db, caseId, decided?.large === true);
  const [drawnCaseId, setDrawnCaseId] = useState<string>();
  const readFull = decided !== undefined && (!decided.large || drawnCaseId === caseId || overview?.status === 'unavailable');
  // A small case is read on the page, live (use-small-case-network.ts); a large one from its cache or a worker (use-large-case-network.ts).
  const small = useSmallCaseNetwork(db, caseId, readFull && decided.large === false);
  // The cache is read while the overview draws; the people and links take its place once it is drawn.
  const large = useLargeCaseNetwork(db, caseId, decided?.large === true, readFull);
  const network = decided?.large ? (readFull ? large : undefined) : small;
  const onOverviewDrawn = useCallback(() => setDrawnCaseId(caseId), [caseId]);
  return {
    network: readFull ? network : undefined,
    overview: overview?.status === 'ready' ? overview.overview : undefined,
    onOverviewDrawn,
  };
}
