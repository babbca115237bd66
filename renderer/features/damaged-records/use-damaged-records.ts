import { useCallback, useSyncExternalStore } from 'react';
import { damagedRecords, type DamagedRecord, type DamagedRecords } from '../../db';

/** The records this window could not read, kept current as reads meet more of them. */
export function useDamagedRecords(report: DamagedRecords = damagedRecords): readonly DamagedRecord[] {
  // Stable per report, so React subscribes once rather than on every render.
  const subscribe = useCallback((listener: () => void) => report.subscribe(listener), [report]);
  const list = useCallback(() => report.list(), [report]);
  return useSyncExternalStore(subscribe, list);
}
