import { stayOn } from '../model/stay';
import type { IsoDate } from '../model/dates';
import { datedRecords } from './dated-records';
import type { TimelineGrouping, TimelineInput, TimelineLane, TimelineModel } from './model';
import { spellsOf, type DatedStay } from './spells';

export interface TimelineOptions {
  grouping: TimelineGrouping;
  /** Where open stays end and the axis stops: the workstation's calendar day. */
  today: IsoDate;
}

/**
 * The timeline of a case: one lane per person (sorted by name) or per prison, with stays as bars,
 * transfers, release markers and links and events as points, plus what has no date. Pure: the
 * same records give the same model, and the view only draws it.
 */
export function buildTimeline(input: TimelineInput, { grouping, today }: TimelineOptions): TimelineModel {
  const records = datedRecords(input);
  const staysByPerson = groupBy(records.stays, (s) => s.personId);
  const lanes = new Map<string, TimelineLane>();
  const lane = (key: string, make: () => Omit<TimelineLane, 'key' | 'bars' | 'transfers' | 'markers' | 'points'>) => {
    let found = lanes.get(key);
    if (!found) lanes.set(key, (found = { key, ...make(), bars: [], transfers: [], markers: [], points: [] }));
    return found;
  };
  const personLane = (id: string) => lane(`person:${id}`, () => ({ kind: 'person', label: names.get(id) ?? id, personId: id }));
  const prisonLane = (id: string) => lane(`prison:${id}`, () => ({ kind: 'prison', label: prisonNames.get(id) ?? id, prisonId: id }));
  const outsideLane = () => lane('outside', () => ({ kind: 'outside', label: '' }));
  const caseLane = () => lane('case', () => ({ kind: 'case', label: '' }));
  // In prison lanes, a person's marks go where the person was held that day; nowhere → "outside".
  const laneOf = (personId: string, date: IsoDate) => {
    if (grouping === 'person') return personLane(personId);
    const stay = stayOn(staysByPerson.get(personId) ?? [], date);
    return stay ? prisonLane(stay.prisonId) : outsideLane();
  };

  const live = <T extends { deleted?: 0 | 1 }>(r: T) => r.deleted !== 1;
  const names = new Map(input.persons.filter(live).map((p) => [p.id, p.primaryName]));
  const prisonNames = new Map(input.prisons.filter(live).map((p) => [p.id, p.name]));
  // Every live person (or prison) has a lane, empty or not, in a stable order.
  const owners = grouping === 'person' ? [...names.keys()] : [...prisonNames.keys()];
  const labels = grouping === 'person' ? names : prisonNames;
  owners.sort((a, b) => byName.compare(labels.get(a)!, labels.get(b)!) || (a < b ? -1 : 1));
  for (const id of owners) (grouping === 'person' ? personLane : prisonLane)(id);

  for (const [, stays] of staysByPerson) {
    const { bars, transfers } = spellsOf(stays, today);
    for (const bar of bars) (grouping === 'person' ? personLane(bar.personId) : prisonLane(bar.prisonId)).bars.push(bar);
    for (const t of transfers) (grouping === 'person' ? personLane(t.personId) : prisonLane(t.toPrisonId)).transfers.push(t);
  }
  for (const marker of records.markers) laneOf(marker.personId, marker.date).markers.push(marker);
  for (const link of records.links) {
    // A link is on both ends' lanes; in prison lanes once when both ends were held in the same prison.
    const seen = new Set<TimelineLane>();
    for (const personId of [link.fromId, link.toId]) {
      const target = laneOf(personId, link.date);
      if (seen.has(target)) continue;
      seen.add(target);
      target.points.push({ ...link, personId });
    }
  }
  for (const { prisonIds, ...event } of records.events) {
    const seen = new Set<TimelineLane>();
    const place = (target: TimelineLane, personId?: string) => {
      if (seen.has(target)) return;
      seen.add(target);
      target.points.push(personId ? { ...event, personId } : { ...event });
    };
    if (grouping === 'prison' && prisonIds.length > 0) for (const id of prisonIds) place(prisonLane(id));
    else for (const personId of event.personIds) place(laneOf(personId, event.date), personId);
    if (seen.size === 0) place(caseLane());
  }

  const ordered = [...lanes.values()].sort((a, b) => rank(a) - rank(b));
  let first = today;
  let last = today;
  for (const l of ordered) {
    l.bars.sort((a, b) => cmp(a.from, b.from));
    l.transfers.sort((a, b) => cmp(a.date, b.date));
    l.markers.sort((a, b) => cmp(a.date, b.date));
    l.points.sort((a, b) => cmp(a.date, b.date) || cmp(a.id, b.id));
    for (const d of datesOf(l)) {
      if (d < first) first = d;
      if (d > last) last = d;
    }
  }
  return { grouping, today, lanes: ordered, undated: records.undated, first, last };
}

// One collator for the sort: 10,000 `localeCompare` calls would each build their own.
const byName = new Intl.Collator('es', { sensitivity: 'base' });

// Events of nobody in particular first (the case's own story), the people or prisons, "outside" last.
const rank = (l: TimelineLane) => (l.kind === 'case' ? 0 : l.kind === 'outside' ? 2 : 1);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function* datesOf(l: TimelineLane): Generator<IsoDate> {
  for (const b of l.bars) yield* [b.from, b.to];
  for (const m of l.markers) yield m.date;
  for (const p of l.points) yield* p.type === 'link' && p.end ? [p.date, p.end] : [p.date];
}

function groupBy(stays: readonly DatedStay[], key: (s: DatedStay) => string): Map<string, DatedStay[]> {
  const groups = new Map<string, DatedStay[]>();
  for (const s of stays) {
    const k = key(s);
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  return groups;
}
