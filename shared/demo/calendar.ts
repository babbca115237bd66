import type { IsoDate } from '../model/dates';

/**
 * Demo dates as whole days since 1970-01-01 (UTC): integer arithmetic while generating, one cached
 * ISO string per distinct day when writing records, so 100,000 people do not mean a million Dates.
 */
const DAY_MS = 86_400_000;
// Days 1900-01-01 … 2199-12-31 in an array (fast, no hashing); others in a map.
const CACHE_FIRST_DAY = -25_567;
const isoByDay: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(109_573).fill(undefined);
const isoCache = new Map<number, IsoDate>();

export function dayOf(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function isoOf(day: number): IsoDate {
  const slot = day - CACHE_FIRST_DAY;
  const inArray = slot >= 0 && slot < isoByDay.length;
  let iso = inArray ? isoByDay[slot] : isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (inArray) isoByDay[slot] = iso;
    else isoCache.set(day, iso);
  }
  return iso;
}

/** The same day of the month `months` later (earlier when negative), clamped to the month's end. */
export function addMonthsToDay(day: number, months: number): number {
  const d = new Date(day * DAY_MS);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Math.round(Date.UTC(year, month, Math.min(d.getUTCDate(), lastDay)) / DAY_MS);
}

