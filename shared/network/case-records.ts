import { currentStay, latestRelease, type CaseSnapshot, type Stay } from '../model';
import type { NetworkInput } from './network-input';

/**
 * A case's live records out of a snapshot, each kind tied to live records of the others (a link
 * between two live people, a stay of a live person in a live prison): what exports and the report
 * start from, so that they agree with each other and with the view.
 */
export function liveCaseRecords(snapshot: CaseSnapshot, caseId: string) {
  const live = <T extends { caseId?: string; deleted: 0 | 1 }>(records: readonly T[]) => records.filter((r) => !r.deleted && r.caseId === caseId);
  const persons = live(snapshot.persons);
  const prisons = live(snapshot.prisons);
  const personIds = new Set(persons.map((p) => p.id));
  const prisonIds = new Set(prisons.map((p) => p.id));
  return {
    persons,
    prisons,
    links: live(snapshot.links).filter((l) => personIds.has(l.fromId) && personIds.has(l.toId)),
    stays: live(snapshot.stays).filter((s) => personIds.has(s.personId) && prisonIds.has(s.prisonId)),
    sentences: live(snapshot.sentences).filter((s) => personIds.has(s.personId)),
    events: live(snapshot.events),
    sources: live(snapshot.sources),
  };
}

export type LiveCaseRecords = ReturnType<typeof liveCaseRecords>;

/** Records grouped by the person they belong to. */
export function byPerson<T extends { personId: string }>(records: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const record of records) {
    const list = grouped.get(record.personId);
    if (list) list.push(record);
    else grouped.set(record.personId, [record]);
  }
  return grouped;
}

/** The network view's input for live records: who is held where today, who walks out when. */
export function networkInputOf(records: LiveCaseRecords): NetworkInput {
  const currentPrisonByPerson = new Map<string, string>();
  for (const [personId, list] of byPerson<Stay>(records.stays)) {
    const stay = currentStay(list);
    if (stay) currentPrisonByPerson.set(personId, stay.prisonId);
  }
  const releaseByPerson = new Map<string, string>();
  for (const [personId, list] of byPerson(records.sentences)) {
    const date = latestRelease(list);
    if (date) releaseByPerson.set(personId, date);
  }
  return { persons: records.persons, prisons: records.prisons, links: records.links, currentPrisonByPerson, releaseByPerson, stays: records.stays };
}
