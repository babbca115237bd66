import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { loadCaseNetwork, type VigiaDatabase, countCasePersonRecords } from '../../db';
import { opensOnOverview } from '../../network-model/network-input';
import { useCaseOverview } from './use-case-overview';

/**
 * How a case opens. A small one is read whole and drawn. A large one (opensOnOverview) first
 * shows its prison overview; its people and links are read only once that is on screen, so the
 * page is not busy reading 50k links before anything is drawn. Decided once per case: a case that
 * grows past the threshold while open does not go back to its overview.
 */
export function useCaseOpening(db: VigiaDatabase, caseId: string) {
  const [opening, setOpening] = useState<{ caseId: string; large: boolean }>();
  useEffect(() => {
    let cancelled = false;
    const decide = (large: boolean) => {
      if (!cancelled) setOpening({ caseId, large });
    };
    countCasePersonRecords(db, caseId).then((records) => decide(opensOnOverview(records)), () => decide(false));
    return () => {
      cancelled = true;
    };
  }, [db, caseId]);
  const decided = opening?.caseId === caseId ? opening : undefined;
  const overview = useCaseOverview(db, caseId, decided?.large === true);
  const [drawnCaseId, setDrawnCaseId] = useState<string>();
  const readFull = decided !== undefined && (!decided.large || drawnCaseId === caseId || overview?.status === 'unavailable');
  const network = useLiveQuery(
    () => (readFull ? loadCaseNetwork(db, caseId).then((n) => n ?? null) : undefined),
    [db, caseId, readFull],
  );
  const onOverviewDrawn = useCallback(() => setDrawnCaseId(caseId), [caseId]);
  return {
    network: readFull ? network : undefined,
    overview: overview?.status === 'ready' ? overview.overview : undefined,
    onOverviewDrawn,
  };
}
