import type { CaseEvent, EventKind, Grading, IsoDate, Link, LinkKind, Person, Prison, Sentence, Stay } from '../model';
import type { UndatedReason } from './dates';

/**
 * What the timeline is built from: the parts of a case's records it reads. `deleted` is optional
 * because the network's trimmed records are live already; when present, 1 excludes the record.
 */
type Live = { deleted?: 0 | 1 };
export interface TimelineInput {
  persons: readonly (Pick<Person, 'id' | 'primaryName'> & Live)[];
  prisons: readonly (Pick<Prison, 'id' | 'name'> & Live)[];
  stays: readonly (Pick<Stay, 'id' | 'personId' | 'prisonId' | 'from'> & Partial<Pick<Stay, 'to'>> & Live)[];
  sentences: readonly (Pick<Sentence, 'id' | 'personId'> & Partial<Pick<Sentence, 'expectedRelease' | 'earlyRelease'>> & Live)[];
  links: readonly (Pick<Link, 'id' | 'kind' | 'fromId' | 'toId'> & Partial<Pick<Link, 'date' | 'from' | 'to' | 'grading'>> & Live)[];
  events: readonly (Pick<CaseEvent, 'id' | 'kind' | 'title' | 'date' | 'personIds' | 'prisonIds'> & Live)[];
}

/** One lane per person, or one per prison (who was held there, and what happened to them there). */
export type TimelineGrouping = 'person' | 'prison';

/** A stay drawn as a bar; an open stay runs to `today` and says so. */
export interface TimelineBar {
  stayId: string;
  personId: string;
  prisonId: string;
  from: IsoDate;
  to: IsoDate;
  open: boolean;
}

/** The join between two consecutive stays of a person at different prisons, on the later stay's first day. */
export interface TimelineTransfer {
  personId: string;
  date: IsoDate;
  fromStayId: string;
  toStayId: string;
  fromPrisonId: string;
  toPrisonId: string;
  /** Days between the end of one stay and the start of the next: 0 when adjacent, negative when they overlap. */
  gapDays: number;
}

/** A sentence's release: `early` when granted, `expected` as pronounced. */
export interface TimelineMarker {
  sentenceId: string;
  personId: string;
  kind: 'expected' | 'early';
  date: IsoDate;
}

/** A link or an event at its date; `personId` is the person whose presence put it on this lane. */
export type TimelinePoint =
  | {
      type: 'link';
      id: string;
      date: IsoDate;
      /** Last day of a link that runs over a period. */
      end?: IsoDate;
      kind: LinkKind;
      grading?: Grading;
      fromId: string;
      toId: string;
      personId: string;
    }
  | { type: 'event'; id: string; date: IsoDate; kind: EventKind; title: string; personIds: string[]; personId?: string };

export interface TimelineLane {
  /** `person:<id>`, `prison:<id>`, `outside` (people held in none of the case's prisons that day) or `case` (events of nobody in particular). */
  key: string;
  kind: 'person' | 'prison' | 'outside' | 'case';
  /** The person's primary name or the prison's name; empty for `outside` and `case`, which the view names. */
  label: string;
  personId?: string;
  prisonId?: string;
  bars: TimelineBar[];
  transfers: TimelineTransfer[];
  markers: TimelineMarker[];
  points: TimelinePoint[];
}

/** A record, or one date of it, that has no place on the axis, and why: shown in a list, never dropped. */
export interface UndatedItem {
  type: 'stay' | 'sentence' | 'link' | 'event';
  id: string;
  /** Which field held the missing or unreadable date. */
  field: string;
  reason: UndatedReason;
  /** What the field held, as written (for "partial: 1998-03"). */
  value?: string;
  personIds: string[];
  prisonId?: string;
  linkKind?: LinkKind;
  eventKind?: EventKind;
  title?: string;
}

export interface TimelineModel {
  grouping: TimelineGrouping;
  today: IsoDate;
  lanes: TimelineLane[];
  undated: UndatedItem[];
  /** The first and last dates on the axis (`today` included), for the initial zoom and the cursor's bounds. */
  first: IsoDate;
  last: IsoDate;
}
