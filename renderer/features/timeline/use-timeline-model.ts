import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { IsoDate } from '../../../shared/model';
import { buildTimeline } from '../../../shared/timeline/build-timeline';
import type { TimelineGrouping, TimelineModel } from '../../../shared/timeline/model';
import { loadCaseTimelineRecords, useDatabase, type CaseNetwork } from '../../db';

/**
 * The case's timeline: its people, prisons and links as the network already holds them, and its
 * stays, sentences and events read live (an edit elsewhere redraws the lanes). Undefined while loading.
 */
export function useTimelineModel(network: CaseNetwork, grouping: TimelineGrouping, today: IsoDate): TimelineModel | undefined {
  const db = useDatabase();
  const caseId = network.case.id;
  const records = useLiveQuery(() => loadCaseTimelineRecords(db, caseId), [db, caseId]);
  return useMemo(
    () =>
      records &&
      buildTimeline({ persons: network.persons, prisons: network.prisons, links: network.links, ...records }, { grouping, today }),
    [records, network.persons, network.prisons, network.links, grouping, today],
  );
}
