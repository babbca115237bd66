import type { Case, IsoDate, Link, Person, Prison, Sentence, Stay } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { currentStay, latestRelease } from '../../../shared/model/current-stay';

/** What the network, the people list, the analytics and the person picker need of a person: names, identifiers, role, monitoring. */
export type NetworkPersonRecord = Pick<Person, 'id' | 'primaryName' | 'alternateNames' | 'realName' | 'identifiers' | 'role' | 'monitoring'>;
/** What they need of a link: its ends, kind, weight, dates and grading. */
export type NetworkLinkRecord = Pick<Link, 'id' | 'kind' | 'fromId' | 'toId' | 'directed' | 'count' | 'date' | 'from' | 'to' | 'grading'>;

/**
 * What the network view draws for one case; only live (not deleted) records, and of people and
 * links only the fields the network, the people list and the analytics read: a 10k-person case is
 * handed from a worker or a cache to the page, and every field more is time on the page's thread.
 */
export interface CaseNetwork {
  case: Case;
  persons: NetworkPersonRecord[];
  prisons: Prison[];
  /** Links whose two ends are live persons of the case. */
  links: NetworkLinkRecord[];
  /** personId → prisonId of the person's open stay, else of their latest stay. */
  currentPrisonByPerson: Map<string, string>;
  /** personId → expected release date (early release when granted), latest sentence first. */
  releaseByPerson: Map<string, IsoDate>;
}

/**
 * Loads a case for the network view: one indexed query per table (no per-person queries), so that
 * 10k people and 50k links load in one pass. Undefined when the case does not exist or was deleted.
 */
export async function loadCaseNetwork(db: VigiaDatabase, caseId: string): Promise<CaseNetwork | undefined> {
  const [found, persons, prisons, links, stays, sentences] = await Promise.all([
    db.cases.get(caseId),
    db.persons.where('caseId').equals(caseId).toArray(),
    db.prisons.where('caseId').equals(caseId).toArray(),
    db.links.where('caseId').equals(caseId).toArray(),
    db.stays.where('caseId').equals(caseId).toArray(),
    db.sentences.where('caseId').equals(caseId).toArray(),
  ]);
  return found ? caseNetworkOf({ case: found, persons, prisons, links, stays, sentences }) : undefined;
}

/** A case's records, deleted ones included, as loadCaseNetwork reads them (or a generator made them). */
export interface CaseNetworkRecords {
  case: Case;
  persons: readonly Person[];
  prisons: readonly Prison[];
  links: readonly Link[];
  stays: readonly Stay[];
  sentences: readonly Sentence[];
}

/** The network of a case from its records; undefined when the case is deleted. */
export function caseNetworkOf(records: CaseNetworkRecords): CaseNetwork | undefined {
  const { case: found, persons: allPersons, prisons: allPrisons, links: allLinks, stays: allStays, sentences: allSentences } = records;
  if (found.deleted) return undefined;

  const persons = allPersons.filter((p) => !p.deleted);
  const prisons = allPrisons.filter((p) => !p.deleted);
  const personIds = new Set(persons.map((p) => p.id));
  const prisonIds = new Set(prisons.map((p) => p.id));
  const links = allLinks.filter((l) => !l.deleted && personIds.has(l.fromId) && personIds.has(l.toId));

  const staysByPerson = groupBy(
    allStays.filter((s) => !s.deleted && personIds.has(s.personId) && prisonIds.has(s.prisonId)),
    (s) => s.personId,
  );
  const currentPrisonByPerson = new Map<string, string>();
  for (const [personId, stays] of staysByPerson) {
    const stay = currentStay<Stay>(stays);
    if (stay) currentPrisonByPerson.set(personId, stay.prisonId);
  }

  const sentencesByPerson = groupBy(
    allSentences.filter((s) => !s.deleted && personIds.has(s.personId)),
    (s) => s.personId,
  );
  const releaseByPerson = new Map<string, IsoDate>();
  for (const [personId, sentences] of sentencesByPerson) {
    const release = latestRelease(sentences);
    if (release) releaseByPerson.set(personId, release);
  }

  return { case: found, persons: persons.map(personForNetwork), prisons, links: links.map(linkForNetwork), currentPrisonByPerson, releaseByPerson };
}

function personForNetwork({ id, primaryName, alternateNames, realName, identifiers, role, monitoring }: Person): NetworkPersonRecord {
  return {
    id,
    primaryName,
    alternateNames,
    ...(realName !== undefined ? { realName } : {}),
    ...(identifiers !== undefined ? { identifiers } : {}),
    role,
    monitoring,
  };
}

function linkForNetwork({ id, kind, fromId, toId, directed, count, date, from, to, grading }: Link): NetworkLinkRecord {
  return {
    id,
    kind,
    fromId,
    toId,
    directed,
    ...(count !== undefined ? { count } : {}),
    ...(date !== undefined ? { date } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    grading,
  };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
