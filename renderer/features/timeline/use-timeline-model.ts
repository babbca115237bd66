import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { IsoDate } from '../../../shared/model';
import { buildTimeline } from '../../../shared/timeline/build-timeline';
import type { TimelineGrouping, TimelineModel } from '../../../shared/timeline/model';
import { applyFilters, type NetworkFilters } from '../../../shared/network';
import { loadCaseTimelineRecords, useDatabase, type CaseNetwork } from '../../db';
import { toNetworkInput } from '../../network-model/to-network-input';

/**
 * The case's timeline: its people, prisons and links as the network already holds them, through the
 * network's own filters (the same people and links in both views; the network's date is the
 * timeline's cursor, not a filter), and its stays, sentences and events read live (an edit elsewhere
 * redraws the lanes). Undefined while loading.
 */
export function useTimelineModel(network: CaseNetwork, grouping: TimelineGrouping, today: IsoDate, filters: NetworkFilters): TimelineModel | undefined {
  const db = useDatabase();
  const caseId = network.case.id;
  const records = useLiveQuery(() => loadCaseTimelineRecords(db, caseId), [db, caseId]);
  // Moving the cursor changes the filters' date only: the lanes are not rebuilt for it.
  const withoutDate = JSON.stringify({ ...filters, asOf: undefined });
  const shown = useMemo(() => applyFilters(toNetworkInput(network), JSON.parse(withoutDate) as NetworkFilters, today), [network, withoutDate, today]);
  return useMemo(() => {
    if (!records) return undefined;
    const kept = new Set(shown.persons.map((p) => p.id));
    return buildTimeline(
      {
        persons: shown.persons,
        prisons: network.prisons,
        links: shown.links,
        stays: records.stays.filter((s) => kept.has(s.personId)),
        sentences: records.sentences.filter((s) => kept.has(s.personId)),
        events: records.events.filter((e) => e.personIds.length === 0 || e.personIds.some((id) => kept.has(id))),
      },
      { grouping, today },
    );
  }, [records, shown, network.prisons, grouping, today]);
}
