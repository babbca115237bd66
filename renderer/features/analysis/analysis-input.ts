import { linkStart, type Link } from '../../../shared/model';
import type { CaseNetwork } from '../../db';
import type { AnalyticsNetwork } from '../../workers/analytics-protocol';

/**
 * The worker's view of a case: person ids, links (weight = how many letters or calls a link stands
 * for; dated by its date or the start of its period) and the prison holding each person today.
 * `onlyLinkIds` restricts the links to those the network view shows under its filters.
 */
export function toAnalyticsNetwork(
  network: Pick<CaseNetwork, 'persons' | 'links' | 'currentPrisonByPerson'>,
  onlyLinkIds?: ReadonlySet<string>,
): AnalyticsNetwork {
  const links = onlyLinkIds ? network.links.filter((l) => onlyLinkIds.has(l.id)) : network.links;
  return {
    personIds: network.persons.map((p) => p.id),
    links: links.map(toLinkInput),
    prisonByPerson: [...network.currentPrisonByPerson],
  };
}

function toLinkInput(link: Pick<Link, 'fromId' | 'toId' | 'directed' | 'count' | 'date' | 'from'>): AnalyticsNetwork['links'][number] {
  const date = linkStart(link);
  return {
    source: link.fromId,
    target: link.toId,
    weight: link.count ?? 1,
    directed: link.directed,
    ...(date ? { date } : {}),
  };
}

/** Link records touching each person (a pair linked by three letters counts three). */
export function linkCountByPerson(links: readonly Pick<Link, 'fromId' | 'toId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const link of links) {
    counts.set(link.fromId, (counts.get(link.fromId) ?? 0) + 1);
    counts.set(link.toId, (counts.get(link.toId) ?? 0) + 1);
  }
  return counts;
}
