import type { TimelineInput } from '../../../shared/timeline/model';
import type { VigiaDatabase } from '../database';

/** What the timeline reads beyond the case's network (people, prisons, links): stays, sentences, events. */
export type CaseTimelineRecords = Pick<TimelineInput, 'stays' | 'sentences' | 'events'>;

/**
 * The live stays, sentences and events of a case, trimmed to the fields the timeline draws: one
 * indexed query per table, as for the network, so a 10,000-person case loads in one pass. Dates
 * are passed on as stored; the timeline lists the ones it cannot read instead of failing.
 */
export async function loadCaseTimelineRecords(db: VigiaDatabase, caseId: string): Promise<CaseTimelineRecords> {
  const [stays, sentences, events] = await Promise.all([
    db.stays.where('caseId').equals(caseId).toArray(),
    db.sentences.where('caseId').equals(caseId).toArray(),
    db.events.where('caseId').equals(caseId).toArray(),
  ]);
  return {
    stays: stays
      .filter((s) => !s.deleted)
      .map(({ id, personId, prisonId, from, to }) => ({ id, personId, prisonId, from, ...(to !== undefined ? { to } : {}) })),
    sentences: sentences.filter((s) => !s.deleted).map(({ id, personId, expectedRelease, earlyRelease }) => ({
      id,
      personId,
      ...(expectedRelease !== undefined ? { expectedRelease } : {}),
      ...(earlyRelease !== undefined ? { earlyRelease } : {}),
    })),
    events: events
      .filter((e) => !e.deleted)
      .map(({ id, kind, title, date, personIds, prisonIds }) => ({ id, kind, title, date, personIds, prisonIds })),
  };
}
