import type { IsoDate } from '../model';
import { addDays } from '../model';

export interface Spell {
  start: IsoDate;
  end: IsoDate;
}

/**
 * The periods a person was held anywhere, from their stays: overlapping or adjacent stays (a
 * transfer ends one stay the day before, or the day, the next begins) merged into one spell; a
 * stay still open runs to `openUntil` (the export's date). Stays that start after `openUntil` are
 * left out; the result is sorted and disjoint.
 */
export function presenceSpells(stays: readonly { from: IsoDate; to: IsoDate | '' }[], openUntil: IsoDate): Spell[] {
  const periods = stays
    .filter((s) => s.from <= openUntil)
    .map((s) => ({ start: s.from, end: s.to === '' || s.to > openUntil ? openUntil : s.to }))
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Spell[] = [];
  for (const period of periods) {
    const last = merged[merged.length - 1];
    if (last && period.start <= addDays(last.end, 1)) {
      if (period.end > last.end) last.end = period.end;
    } else merged.push({ ...period });
  }
  return merged;
}
