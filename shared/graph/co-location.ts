import { staysOverlap, type Stay } from '../model/stay';

export type StayPeriod = Pick<Stay, 'personId' | 'prisonId' | 'from' | 'to'> & { deleted?: 0 | 1 };

/** A derived link: two people held in the same prison at the same time. */
export interface CoLocation {
  /** The two people, `personA < personB`. */
  personA: string;
  personB: string;
  prisonId: string;
  /** The period both were held there; `to` absent while both still are. */
  from: string;
  to?: string;
}

const OPEN_END = '9999-12-31';

/**
 * "Held in the same prison at the same time", derived from stays. Per prison, stays are swept in
 * order of their start while a list of stays still running is kept, so the cost is the number of
 * stays plus the number of pairs found rather than every pair of stays in the case. Overlap follows
 * `staysOverlap`: a shared transfer day is not time together. Overlapping periods of the same pair
 * in the same prison (duplicate or adjoining stays) are merged into one link. Deleted stays and
 * stays of a person with themselves are ignored.
 */
export function deriveCoLocations(stays: readonly StayPeriod[]): CoLocation[] {
  const byPrison = new Map<string, StayPeriod[]>();
  for (const stay of stays) {
    if (stay.deleted === 1) continue;
    const list = byPrison.get(stay.prisonId);
    if (list) list.push(stay);
    else byPrison.set(stay.prisonId, [stay]);
  }
  const found: CoLocation[] = [];
  for (const [prisonId, list] of byPrison) {
    list.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    let running: StayPeriod[] = [];
    for (const stay of list) {
      running = running.filter((r) => (r.to ?? OPEN_END) > stay.from);
      for (const other of running) {
        if (other.personId === stay.personId || !staysOverlap(other, stay)) continue;
        const [personA, personB] =
          other.personId < stay.personId ? [other.personId, stay.personId] : [stay.personId, other.personId];
        const end = minEnd(other.to, stay.to);
        found.push(end === undefined ? { personA, personB, prisonId, from: stay.from } : { personA, personB, prisonId, from: stay.from, to: end });
      }
      running.push(stay);
    }
  }
  return mergePeriods(found);
}

function minEnd(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

function mergePeriods(links: CoLocation[]): CoLocation[] {
  const key = (l: CoLocation) => `${l.prisonId}\u0000${l.personA}\u0000${l.personB}`;
  links.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : a.from < b.from ? -1 : a.from > b.from ? 1 : 0;
  });
  const merged: CoLocation[] = [];
  for (const link of links) {
    const last = merged[merged.length - 1];
    if (last && key(last) === key(link) && link.from <= (last.to ?? OPEN_END)) {
      if (last.to !== undefined && (link.to === undefined || link.to > last.to)) {
        if (link.to === undefined) delete last.to;
        else last.to = link.to;
      }
      continue;
    }
    merged.push({ ...link });
  }
  return merged;
}
