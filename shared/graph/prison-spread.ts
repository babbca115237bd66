import type { CompactGraph } from './compact-graph';

/** The prison holding each person (index = person index), undefined when not known. */
export type PrisonOf = readonly (string | undefined)[];

export function prisonOfFromMap(graph: CompactGraph, prisonByPerson: ReadonlyMap<string, string>): PrisonOf {
  return graph.ids.map((id) => prisonByPerson.get(id));
}

export interface PrisonSpread {
  /** Distinct prisons holding at least one of the people, ascending. */
  prisons: string[];
  count: number;
}

/** How many distinct prisons a set of people (a group, a community, a component) spans. */
export function prisonSpread(people: Iterable<number>, prisonOf: PrisonOf): PrisonSpread {
  const prisons = new Set<string>();
  for (const v of people) {
    const prison = prisonOf[v];
    if (prison !== undefined) prisons.add(prison);
  }
  const sorted = [...prisons].sort();
  return { prisons: sorted, count: sorted.length };
}

export interface PrisonBroker {
  person: number;
  /** Distinct prisons, other than the person's own, that hold at least one of their contacts. */
  otherPrisons: number;
  /** Contacts held in a prison other than the person's own. */
  crossPrisonContacts: number;
}

/**
 * Cross-prison brokers: people whose contacts are held in the most prisons other than their own,
 * ranked by that number, then by how many such contacts they have, then by index (stable). People
 * whose own prison is unknown count every known contact prison. Only people with at least one
 * contact in another prison are listed.
 */
export function crossPrisonBrokers(graph: CompactGraph, prisonOf: PrisonOf): PrisonBroker[] {
  const brokers: PrisonBroker[] = [];
  const seen = new Set<string>();
  for (let v = 0; v < graph.nodeCount; v++) {
    const own = prisonOf[v];
    seen.clear();
    let crossPrisonContacts = 0;
    for (let i = graph.offsets[v]!; i < graph.offsets[v + 1]!; i++) {
      const prison = prisonOf[graph.neighbours[i]!];
      if (prison === undefined || prison === own) continue;
      crossPrisonContacts++;
      seen.add(prison);
    }
    if (seen.size > 0) brokers.push({ person: v, otherPrisons: seen.size, crossPrisonContacts });
  }
  brokers.sort(
    (a, b) => b.otherPrisons - a.otherPrisons || b.crossPrisonContacts - a.crossPrisonContacts || a.person - b.person,
  );
  return brokers;
}
