import type { IsoDate } from '../model/dates';
import { checkDate } from './dates';
import type { TimelineInput, TimelineMarker, TimelinePoint, UndatedItem } from './model';
import type { DatedStay } from './spells';

type LinkPoint = Omit<Extract<TimelinePoint, { type: 'link' }>, 'personId'>;
type EventPoint = Omit<Extract<TimelinePoint, { type: 'event' }>, 'personId'> & { prisonIds: string[] };

/** The case's live records with readable dates, and every record (or date) that could not be placed. */
export interface DatedRecords {
  stays: DatedStay[];
  markers: TimelineMarker[];
  links: LinkPoint[];
  events: EventPoint[];
  undated: UndatedItem[];
}

/**
 * Sorts a case's records into what can go on the axis and what cannot. Deleted records are left out,
 * and so are records that hang off a deleted or unknown person or prison (the network leaves them out
 * too: they belong to nobody on screen). Never throws: a record from a bundle is read as it is.
 */
export function datedRecords(input: TimelineInput): DatedRecords {
  const persons = new Set(input.persons.filter(live).map((p) => p.id));
  const prisons = new Set(input.prisons.filter(live).map((p) => p.id));
  const out: DatedRecords = { stays: [], markers: [], links: [], events: [], undated: [] };

  for (const stay of input.stays) {
    if (!live(stay) || !persons.has(stay.personId) || !prisons.has(stay.prisonId)) continue;
    const about = { type: 'stay' as const, id: stay.id, personIds: [stay.personId], prisonId: stay.prisonId };
    const from = checkDate(stay.from);
    const to = stay.to === undefined ? undefined : checkDate(stay.to);
    if (!from.ok) out.undated.push({ ...about, field: 'from', reason: from.reason, ...shown(stay.from) });
    else if (to && !to.ok) out.undated.push({ ...about, field: 'to', reason: to.reason, ...shown(stay.to) });
    else if (to?.ok && to.date < from.date) out.undated.push({ ...about, field: 'to', reason: 'reversed', ...shown(stay.to) });
    else out.stays.push({ id: stay.id, personId: stay.personId, prisonId: stay.prisonId, from: from.date, ...(to?.ok ? { to: to.date } : {}) });
  }

  for (const sentence of input.sentences) {
    if (!live(sentence) || !persons.has(sentence.personId)) continue;
    const about = { type: 'sentence' as const, id: sentence.id, personIds: [sentence.personId] };
    // Preventive detention has no release date yet: listed as undated so the lane does not look complete.
    if (sentence.expectedRelease === undefined && sentence.earlyRelease === undefined) {
      out.undated.push({ ...about, field: 'expectedRelease', reason: 'missing' });
      continue;
    }
    for (const [field, kind] of [['expectedRelease', 'expected'], ['earlyRelease', 'early']] as const) {
      const value = sentence[field];
      if (value === undefined) continue;
      const check = checkDate(value);
      if (check.ok) out.markers.push({ sentenceId: sentence.id, personId: sentence.personId, kind, date: check.date });
      else out.undated.push({ ...about, field, reason: check.reason, ...shown(value) });
    }
  }

  for (const link of input.links) {
    if (!live(link) || !persons.has(link.fromId) || !persons.has(link.toId)) continue;
    // A link's place is its date, else the start of its period (linkStart in the model).
    const field = link.date !== undefined ? 'date' : 'from';
    const value = link.date ?? link.from;
    const start = checkDate(value);
    if (!start.ok) {
      out.undated.push({ type: 'link', id: link.id, field, reason: start.reason, ...shown(value), personIds: [link.fromId, link.toId], linkKind: link.kind });
      continue;
    }
    const end = link.date === undefined && link.to !== undefined ? checkDate(link.to) : undefined;
    out.links.push({
      type: 'link',
      id: link.id,
      date: start.date,
      ...(end?.ok && end.date > start.date ? { end: end.date } : {}),
      kind: link.kind,
      ...(link.grading ? { grading: link.grading } : {}),
      fromId: link.fromId,
      toId: link.toId,
    });
  }

  for (const event of input.events) {
    if (!live(event)) continue;
    const personIds = (event.personIds ?? []).filter((id) => persons.has(id));
    const prisonIds = (event.prisonIds ?? []).filter((id) => prisons.has(id));
    const date = checkDate(event.date);
    if (!date.ok) {
      out.undated.push({ type: 'event', id: event.id, field: 'date', reason: date.reason, ...shown(event.date), personIds, eventKind: event.kind, title: event.title });
      continue;
    }
    out.events.push({ type: 'event', id: event.id, date: date.date, kind: event.kind, title: event.title, personIds, prisonIds });
  }
  return out;
}

const live = (record: { deleted?: 0 | 1 }) => record.deleted !== 1;
const shown = (value: unknown): { value?: IsoDate } => (typeof value === 'string' && value !== '' ? { value: value.slice(0, 40) } : {});
