import {
  linkStart,
  type IsoDate,
  type Link,
  type Marking,
  type Person,
  type Prison,
  type Reliability,
  type Sentence,
  type Source,
  type Stay,
} from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { currentStay, latestRelease } from '../../../shared/model/current-stay';

export interface StayWithPrison {
  stay: Stay;
  /** Undefined when the prison was deleted. */
  prisonName: string | undefined;
}

export interface CitedSource {
  id: string;
  title: string;
  reliability: Reliability;
  /** The source's own marking, when it has one (above the case's). */
  marking?: Marking;
}

export interface PersonLink {
  link: Link;
  other: { id: string; primaryName: string };
  /** From this person's side: who wrote to whom. */
  direction: 'outgoing' | 'incoming' | 'undirected';
  sources: CitedSource[];
}

/** Everything the person panel shows; only live records. */
export interface PersonDetails {
  person: Person;
  currentStay: Stay | undefined;
  currentPrison: Prison | undefined;
  /** Newest first. */
  stays: StayWithPrison[];
  sentences: Sentence[];
  releaseDate: IsoDate | undefined;
  /** Newest first; links to deleted people are left out. */
  links: PersonLink[];
  /** Every live source the person, their stays, sentences and links cite. */
  sourcesById: Map<string, Source>;
}

/** Loads a person's panel with a few indexed queries and bulk reads, whatever their number of links. */
export async function loadPersonDetails(db: VigiaDatabase, personId: string): Promise<PersonDetails | undefined> {
  const [person, allStays, allSentences, outgoing, incoming] = await Promise.all([
    db.persons.get(personId),
    db.stays.where('personId').equals(personId).toArray(),
    db.sentences.where('personId').equals(personId).toArray(),
    db.links.where('fromId').equals(personId).toArray(),
    db.links.where('toId').equals(personId).toArray(),
  ]);
  if (!person || person.deleted) return undefined;

  const liveStays = allStays.filter((s) => !s.deleted && s.caseId === person.caseId);
  const sentences = allSentences
    .filter((s) => !s.deleted && s.caseId === person.caseId)
    .sort((a, b) => b.start.localeCompare(a.start));
  const candidateLinks = [...outgoing, ...incoming].filter((l) => !l.deleted && l.caseId === person.caseId);
  const otherIds = unique(candidateLinks.map((l) => (l.fromId === personId ? l.toId : l.fromId)));

  // Sources are fetched alongside the people at the other ends (one round trip fewer): cited by any
  // candidate link, then narrowed below to the links that stay visible.
  const citedByPerson = [
    ...person.sourceIds,
    ...person.alternateNames.flatMap((n) => n.sourceIds),
    ...person.nationalities.flatMap((n) => n.sourceIds),
    ...liveStays.flatMap((s) => s.sourceIds),
    ...sentences.flatMap((s) => s.sourceIds),
  ];
  const [prisonList, otherList, sourceList] = await Promise.all([
    db.prisons.bulkGet(unique(liveStays.map((s) => s.prisonId))),
    db.persons.bulkGet(otherIds),
    db.sources.bulkGet(unique([...citedByPerson, ...candidateLinks.flatMap((l) => l.sourceIds)])),
  ]);
  const prisons = liveById(prisonList);
  const others = liveById(otherList);

  const stays = liveStays
    .map((stay) => ({ stay, prisonName: prisons.get(stay.prisonId)?.name }))
    .sort((a, b) => b.stay.from.localeCompare(a.stay.from));
  const current = currentStay(liveStays.filter((s) => prisons.has(s.prisonId)));
  const links = candidateLinks.filter((l) => others.has(l.fromId === personId ? l.toId : l.fromId));

  const cited = new Set([...citedByPerson, ...links.flatMap((l) => l.sourceIds)]);
  const sourcesById = liveById(sourceList.filter((source) => source !== undefined && cited.has(source.id)));

  const personLinks: PersonLink[] = links
    .map((link) => {
      const other = others.get(link.fromId === personId ? link.toId : link.fromId)!;
      const direction: PersonLink['direction'] = !link.directed ? 'undirected' : link.fromId === personId ? 'outgoing' : 'incoming';
      const sources = link.sourceIds.flatMap((id) => {
        const source = sourcesById.get(id);
        return source ? [{ id, title: source.title, reliability: source.reliability, ...(source.marking ? { marking: source.marking } : {}) }] : [];
      });
      return { link, other: { id: other.id, primaryName: other.primaryName }, direction, sources };
    })
    .sort((a, b) => (linkStart(b.link) ?? '').localeCompare(linkStart(a.link) ?? ''));

  return {
    person,
    currentStay: current,
    currentPrison: current ? prisons.get(current.prisonId) : undefined,
    stays,
    sentences,
    releaseDate: latestRelease(sentences),
    links: personLinks,
    sourcesById,
  };
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function liveById<T extends { id: string; deleted: 0 | 1 }>(records: readonly (T | undefined)[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) if (record && !record.deleted) map.set(record.id, record);
  return map;
}
