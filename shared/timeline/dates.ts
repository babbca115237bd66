import { isIsoDate, type IsoDate } from '../model/dates';

/** Why a record cannot be placed on the time axis. */
export type UndatedReason = 'missing' | 'partial' | 'invalid' | 'reversed';

export type DateCheck = { ok: true; date: IsoDate } | { ok: false; reason: UndatedReason };

// A year, or a year and month, as analysts write them when the day is unknown ("1998", "1998-03").
const PARTIAL = /^\d{4}(-(0[1-9]|1[0-2]))?$/;

/**
 * Reads a date field of a record for the timeline. The model validates dates on write, but records
 * from older versions, imports and colleagues' bundles are read as they are: a partial date is told
 * apart from garbage so the analyst knows what to fix, and nothing here ever throws.
 */
export function checkDate(value: unknown): DateCheck {
  if (value === undefined || value === null || value === '') return { ok: false, reason: 'missing' };
  if (typeof value !== 'string') return { ok: false, reason: 'invalid' };
  if (isIsoDate(value)) return { ok: true, date: value };
  return { ok: false, reason: PARTIAL.test(value.trim()) ? 'partial' : 'invalid' };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a valid ISO date: the axis's unit, exact for every day of years 0100–9999. */
export function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/** The ISO date of a day number (inverse of `dayNumber`), clamped to the years the model accepts. */
export function dateOfDay(day: number): IsoDate {
  const clamped = Math.min(MAX_DAY, Math.max(MIN_DAY, Math.round(day)));
  return new Date(clamped * DAY_MS).toISOString().slice(0, 10);
}

export const MIN_DAY = Math.round(Date.UTC(100, 0, 1) / DAY_MS);
export const MAX_DAY = Math.round(Date.UTC(9999, 11, 31) / DAY_MS);
