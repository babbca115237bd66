import type { IsoDate } from '../model/dates';
import { dayNumber } from './dates';
import type { TimelineBar, TimelineTransfer } from './model';

/** A stay whose dates were checked: `from` is a valid day, `to` valid or absent (open), `from <= to`. */
export interface DatedStay {
  id: string;
  personId: string;
  prisonId: string;
  from: IsoDate;
  to?: IsoDate;
}

/**
 * One person's stays as bars, in order, and the transfers between them. Every stay stays a bar of
 * its own, even when two overlap or touch at the same prison: merging them would hide that the
 * records disagree, which is the analyst's business. A transfer is the join between consecutive
 * stays (ordered by start) at different prisons; an open stay runs to `today` (or its first day, if
 * it starts later).
 */
export function spellsOf(stays: readonly DatedStay[], today: IsoDate): { bars: TimelineBar[]; transfers: TimelineTransfer[] } {
  const ordered = [...stays].sort(
    (a, b) => cmp(a.from, b.from) || cmp(a.to ?? '9999-12-31', b.to ?? '9999-12-31') || cmp(a.id, b.id),
  );
  const bars = ordered.map<TimelineBar>((s) => ({
    stayId: s.id,
    personId: s.personId,
    prisonId: s.prisonId,
    from: s.from,
    to: s.to ?? (today > s.from ? today : s.from),
    open: s.to === undefined,
  }));
  const transfers: TimelineTransfer[] = [];
  for (let i = 1; i < bars.length; i++) {
    const before = bars[i - 1]!;
    const after = bars[i]!;
    if (before.prisonId === after.prisonId) continue;
    transfers.push({
      personId: after.personId,
      date: after.from,
      fromStayId: before.stayId,
      toStayId: after.stayId,
      fromPrisonId: before.prisonId,
      toPrisonId: after.prisonId,
      gapDays: dayNumber(after.from) - dayNumber(before.to),
    });
  }
  return { bars, transfers };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
