import type { IsoDate } from '../model/dates';
import { dateOfDay, dayNumber } from './dates';

/** Where the axis starts (x = 0) and how wide a day is: the whole state of the view's zoom and pan. */
export interface TimeScale {
  startDay: number;
  pxPerDay: number;
}

// From about a century on a laptop screen (decades readable) to a day 48 px wide (days readable).
export const MIN_PX_PER_DAY = 1 / 40;
export const MAX_PX_PER_DAY = 48;

export const xOfDay = (scale: TimeScale, day: number) => (day - scale.startDay) * scale.pxPerDay;
export const xOf = (scale: TimeScale, date: IsoDate) => xOfDay(scale, dayNumber(date));
export const dayAt = (scale: TimeScale, x: number) => scale.startDay + x / scale.pxPerDay;
/** The calendar day under `x` (the day whose start is nearest). */
export const dateAt = (scale: TimeScale, x: number) => dateOfDay(Math.round(dayAt(scale, x)));

const clampZoom = (px: number) => Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, px));

/** Zooms by `factor` keeping the day under `anchorX` where it is (the cursor, or the mouse). */
export function zoomAt(scale: TimeScale, factor: number, anchorX: number): TimeScale {
  const pxPerDay = clampZoom(scale.pxPerDay * (Number.isFinite(factor) && factor > 0 ? factor : 1));
  const anchorDay = dayAt(scale, anchorX);
  return { pxPerDay, startDay: anchorDay - anchorX / pxPerDay };
}

export function panBy(scale: TimeScale, dx: number): TimeScale {
  return { ...scale, startDay: scale.startDay + dx / scale.pxPerDay };
}

/** Puts `date` in the middle of a view `width` pixels wide, at the same zoom. */
export function centreOn(scale: TimeScale, date: IsoDate, width: number): TimeScale {
  return { ...scale, startDay: dayNumber(date) - width / 2 / scale.pxPerDay };
}

/** The zoom that shows `first`…`last` in `width` pixels with a small margin either side. */
export function fitScale(first: IsoDate, last: IsoDate, width: number): TimeScale {
  const from = dayNumber(first);
  const span = Math.max(30, dayNumber(last) - from);
  const margin = span * 0.04;
  const pxPerDay = clampZoom(Math.max(1, width) / (span + 2 * margin));
  return { pxPerDay, startDay: from - margin - (Math.max(1, width) / pxPerDay - span - 2 * margin) / 2 };
}

/** Tick units from days to decades; the axis labels the smallest one whose ticks stay apart. */
export type TickUnit = 'day' | 'month' | 'year' | 'decade';
const APPROX_DAYS: Record<TickUnit, number> = { day: 1, month: 30.44, year: 365.25, decade: 3652.5 };
// Wide enough for a short label ("sept", "2024", "31").
const MIN_TICK_GAP_PX = 44;

export function tickUnit(scale: TimeScale): TickUnit {
  for (const unit of ['day', 'month', 'year'] as const) if (APPROX_DAYS[unit] * scale.pxPerDay >= MIN_TICK_GAP_PX) return unit;
  return 'decade';
}

/** The calendar date `n` units after `date` (months clamp to the month's last day: 31 Jan + 1 month = 28/29 Feb). */
export function stepDate(date: IsoDate, unit: TickUnit, n: number): IsoDate {
  if (unit === 'day') return dateOfDay(dayNumber(date) + n);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = unit === 'month' ? n : unit === 'year' ? 12 * n : 120 * n;
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < 100) return '0100-01-01';
  if (year > 9999) return '9999-12-31';
  // Day 0 of the next month is the last day of this one (Date.UTC reads years from 100 as written).
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (v: number, w = 2) => String(v).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

export interface Tick {
  date: IsoDate;
  x: number;
  unit: TickUnit;
}

/** The ticks that fall in [0, width], aligned to the calendar (first of month, 1 January, decade years). */
export function ticks(scale: TimeScale, width: number): Tick[] {
  const unit = tickUnit(scale);
  const fromDate = dateOfDay(Math.floor(dayAt(scale, 0)));
  const [y, m] = fromDate.split('-').map(Number) as [number, number];
  let date =
    unit === 'day' ? fromDate
    : unit === 'month' ? `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-01`
    : `${String(unit === 'decade' ? Math.floor(y / 10) * 10 : y).padStart(4, '0')}-01-01`;
  const out: Tick[] = [];
  // Bounded: the widest screen at the closest zoom holds a few hundred ticks.
  for (let i = 0; i < 2000; i++) {
    const x = xOf(scale, date);
    if (x > width) break;
    if (x >= 0) out.push({ date, x, unit });
    const next = stepDate(date, unit, 1);
    if (next === date) break;
    date = next;
  }
  return out;
}
