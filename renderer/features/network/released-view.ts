import type { NetworkInput } from '../../../shared/network';

/**
 * The view's network restricted to what a release keeps (the people and links the export worker
 * kept after releasing the case at a lower marking): a person withheld is gone with their links and
 * placement, a link withheld is gone, and nothing computed later (counts between prisons, degrees)
 * can count them.
 */
export function releasedView(input: NetworkInput, kept: { persons: readonly string[]; links: readonly string[] }): NetworkInput {
  const persons = new Set(kept.persons);
  const links = new Set(kept.links);
  const placed = new Map([...input.currentPrisonByPerson].filter(([id]) => persons.has(id)));
  return {
    ...input,
    persons: input.persons.filter((p) => persons.has(p.id)),
    links: input.links.filter((l) => links.has(l.id) && persons.has(l.fromId) && persons.has(l.toId)),
    currentPrisonByPerson: placed,
    ...(input.releaseByPerson ? { releaseByPerson: new Map([...input.releaseByPerson].filter(([id]) => persons.has(id))) } : {}),
    ...(input.stays ? { stays: input.stays.filter((s) => persons.has(s.personId)) } : {}),
  };
}
