import {
  addDays,
  LINK_KINDS,
  MONITORING_STATUSES,
  RELIABILITY,
  ROLES,
  parseGrading,
  stayOn,
  type IsoDate,
  type LinkKind,
  type MonitoringStatus,
  type Role,
} from '../model';
import type { NetworkInput, NetworkLink } from './network-input';

/**
 * What the analyst asked to see. Plain JSON (arrays, strings, numbers) so that a saved view can
 * store it as it is. Every list says what is shown: a kind missing from `linkKinds` is hidden.
 */
export interface NetworkFilters {
  linkKinds: LinkKind[];
  /** Links first dated (or whose period runs) inside this window; undated links drop out once a bound is set. */
  dateFrom?: IsoDate;
  dateTo?: IsoDate;
  /** "The network as it stood on this day": stays on that day place people, links dated on or before it. */
  asOf?: IsoDate;
  monitoring: MonitoringStatus[];
  roles: Role[];
  /** Weakest grading shown, e.g. "B2": links graded A–B and 1–2 only. */
  minGrading?: string;
  /** Only people whose expected release falls within this many days from today. */
  releaseWithinDays?: number;
  hiddenPersonIds: string[];
  /** Only the people within `hops` links of this person. */
  neighbourhood?: { personId: string; hops: number };
}

export const DEFAULT_FILTERS: NetworkFilters = {
  linkKinds: [...LINK_KINDS],
  monitoring: [...MONITORING_STATUSES],
  roles: [...ROLES],
  hiddenPersonIds: [],
};

/** True when the person's release falls between today and today + `days`, both included. */
export function isDueForRelease(release: IsoDate | undefined, today: IsoDate, days: number): boolean {
  return release !== undefined && release >= today && release <= addDays(today, days);
}

function linkInWindow(link: NetworkLink, from: IsoDate | undefined, to: IsoDate | undefined): boolean {
  if (!from && !to) return true;
  const start = link.date ?? link.from;
  if (!start) return false;
  const end = link.date ?? link.to ?? start;
  return (!to || start <= to) && (!from || end >= from);
}

function linkGradedAtLeast(link: NetworkLink, weakest: ReturnType<typeof parseGrading>): boolean {
  if (!weakest || !link.grading) return true;
  return (
    RELIABILITY.indexOf(link.grading.reliability) <= RELIABILITY.indexOf(weakest.reliability) &&
    link.grading.credibility <= weakest.credibility
  );
}

/** Who was in which prison on `date`, from the stays; people held nowhere that day are absent. */
export function prisonsOn(stays: NonNullable<NetworkInput['stays']>, date: IsoDate): Map<string, string> {
  const byPerson = new Map<string, (typeof stays)[number][]>();
  for (const stay of stays) {
    const list = byPerson.get(stay.personId);
    if (list) list.push(stay);
    else byPerson.set(stay.personId, [stay]);
  }
  const placed = new Map<string, string>();
  for (const [personId, list] of byPerson) {
    const stay = stayOn(list, date);
    if (stay) placed.set(personId, stay.prisonId);
  }
  return placed;
}

/** Everyone within `hops` links of `start` (start included), following links either way. */
export function neighbourhoodOf(start: string, hops: number, links: readonly Pick<NetworkLink, 'fromId' | 'toId'>[]): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const { fromId, toId } of links) {
    (adjacent.get(fromId) ?? adjacent.set(fromId, []).get(fromId)!).push(toId);
    (adjacent.get(toId) ?? adjacent.set(toId, []).get(toId)!).push(fromId);
  }
  const reached = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (!reached.has(other)) {
          reached.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return reached;
}

/** The part of the case the filters let through, as a smaller input for the same drawing code. Pure. */
export function applyFilters(input: NetworkInput, filters: NetworkFilters, today: IsoDate): NetworkInput {
  const placement = filters.asOf && input.stays ? prisonsOn(input.stays, filters.asOf) : input.currentPrisonByPerson;
  const roles = new Set(filters.roles);
  const monitoring = new Set(filters.monitoring);
  const hidden = new Set(filters.hiddenPersonIds);
  let persons = input.persons.filter(
    (p) =>
      roles.has(p.role) &&
      monitoring.has(p.monitoring) &&
      !hidden.has(p.id) &&
      (filters.releaseWithinDays === undefined ||
        isDueForRelease(input.releaseByPerson?.get(p.id), today, filters.releaseWithinDays)),
  );
  const kinds = new Set(filters.linkKinds);
  const weakest = filters.minGrading ? parseGrading(filters.minGrading) : undefined;
  let kept = new Set(persons.map((p) => p.id));
  let links = input.links.filter(
    (l) =>
      kinds.has(l.kind) &&
      kept.has(l.fromId) &&
      kept.has(l.toId) &&
      linkInWindow(l, filters.dateFrom, filters.dateTo) &&
      (!filters.asOf || ((l.date ?? l.from) !== undefined && (l.date ?? l.from)! <= filters.asOf)) &&
      linkGradedAtLeast(l, weakest),
  );
  if (filters.neighbourhood && kept.has(filters.neighbourhood.personId)) {
    kept = neighbourhoodOf(filters.neighbourhood.personId, filters.neighbourhood.hops, links);
    persons = persons.filter((p) => kept.has(p.id));
    links = links.filter((l) => kept.has(l.fromId) && kept.has(l.toId));
  }
  return { ...input, persons, links, currentPrisonByPerson: placement };
}

/** True when nothing is filtered out: the drawing is the whole case. */
export function filtersAreDefault(filters: NetworkFilters): boolean {
  return (
    filters.linkKinds.length === LINK_KINDS.length &&
    filters.monitoring.length === MONITORING_STATUSES.length &&
    filters.roles.length === ROLES.length &&
    filters.hiddenPersonIds.length === 0 &&
    !filters.dateFrom &&
    !filters.dateTo &&
    !filters.asOf &&
    !filters.minGrading &&
    filters.releaseWithinDays === undefined &&
    !filters.neighbourhood
  );
}
