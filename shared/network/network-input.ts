import type { IsoDate, Link, Person, Prison, Stay } from '../model';

/** What the network view draws: the parts of a case's records the graph needs, nothing more. */
export interface NetworkInput {
  persons: readonly Pick<Person, 'id' | 'primaryName' | 'role' | 'monitoring'>[];
  prisons: readonly (Pick<Prison, 'id' | 'name' | 'province'> & Partial<Pick<Prison, 'lat' | 'lon' | 'gazetteerId'>>)[];
  links: readonly (Pick<Link, 'id' | 'kind' | 'fromId' | 'toId' | 'directed' | 'count'> &
    Partial<Pick<Link, 'date' | 'from' | 'to' | 'grading'>>)[];
  /** person id → id of the prison holding them today; absent when not in prison. */
  currentPrisonByPerson: ReadonlyMap<string, string>;
  /** person id → expected release date; absent when unknown. */
  releaseByPerson?: ReadonlyMap<string, IsoDate>;
  /** Every live stay of the case, for "the network as it stood on date D"; absent when not loaded. */
  stays?: readonly Pick<Stay, 'personId' | 'prisonId' | 'from' | 'to'>[];
}

export type NetworkPerson = NetworkInput['persons'][number];
export type NetworkLink = NetworkInput['links'][number];
export type NetworkPrison = NetworkInput['prisons'][number];

/** Above this many people the view opens on prisons, one node each (see docs/architecture.md, "Large cases"). */
export const PRISON_LEVEL_THRESHOLD = 2000;

/**
 * A case with more people than the threshold opens on its prison overview (counts computed in a
 * worker and cached, renderer/workers/network-overview.worker.ts): its first view needs one node
 * per prison, not its links; the people and links are read afterwards, for opening prisons and
 * the analytics. Decided from the count of the case's person records (an index count, no reads).
 */
export function opensOnOverview(personRecords: number): boolean {
  return personRecords > PRISON_LEVEL_THRESHOLD;
}

/** The level a case opens at: its people, or (large cases) its prisons, expanded on demand. */
export type OpeningLevel = 'people' | 'prisons';

export function openingLevelFor(input: Pick<NetworkInput, 'persons'>): OpeningLevel {
  return input.persons.length > PRISON_LEVEL_THRESHOLD ? 'prisons' : 'people';
}

/** Node ids are prefixed by kind so a person and a prison can never collide in the graph. */
export const personNodeId = (personId: string) => `person|${personId}`;
export const prisonNodeId = (prisonId: string) => `prison|${prisonId}`;
/** The pseudo-prison that gathers people not held in any prison today. */
export const OUTSIDE_NODE_ID = 'outside|';
