import type { NetworkInput } from '../../../shared/network';
import type { ReleasedNetworkParts } from '../../workers/export-protocol';

/**
 * The view's network restricted to what a release keeps (what the export worker kept after releasing
 * the case at a lower marking): a person withheld is gone with their links, a link withheld is gone,
 * and who is held where and who walks out when come from the kept stays and sentences only, so a
 * withheld stay or sentence cannot show through a placement or a "released soon" ring. Nothing
 * computed later (counts between prisons, degrees) can count what was withheld.
 */
export function releasedView(input: NetworkInput, kept: ReleasedNetworkParts): NetworkInput {
  const persons = new Set(kept.persons);
  const links = new Set(kept.links);
  return {
    ...input,
    persons: input.persons.filter((p) => persons.has(p.id)),
    links: input.links.filter((l) => links.has(l.id) && persons.has(l.fromId) && persons.has(l.toId)),
    currentPrisonByPerson: new Map(kept.currentPrisonByPerson.filter(([id]) => persons.has(id))),
    releaseByPerson: new Map(kept.releaseByPerson.filter(([id]) => persons.has(id))),
    stays: kept.stays.filter((s) => persons.has(s.personId)),
  };
}
