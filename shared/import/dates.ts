import { isIsoDate } from '../model/dates';
import type { Cell } from './sheet';

/**
 * How a date column is written. `iso` is YYYY-MM-DD; `dmy` and `mdy` accept `/`, `-` or `.` between
 * the parts; `excel-serial` is Excel's day count, from 1900 or 1904 as the workbook says. `auto`
 * accepts only what cannot be misread: ISO dates and cells the workbook itself typed as dates.
 */
export const DATE_FORMATS = ['auto', 'iso', 'dmy', 'mdy', 'excel-serial'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Why a date cell was not taken: message keys (`import.reason.<code>`). */
export type DateProblem = 'ambiguous_date' | 'undeclared_date_format' | 'partial_date' | 'two_digit_year' | 'invalid_date';

export type DateRead = { ok: true; date: string } | { ok: false; problem: DateProblem };

const DAY_MS = 86_400_000;

/**
 * Excel's serial day number as a date. In the 1900 system Excel counts a 29 February 1900 that
 * never was (Lotus 1-2-3's bug, kept for compatibility): serial 60 is that day and is refused;
 * from 61 on, day 0 is 1899-12-30. The 1904 system counts from 1904-01-01 with no such day.
 */
export function excelSerialToIso(serial: number, date1904: boolean): string | undefined {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < 1 || day > 2_958_465) return undefined;
  let epoch: number;
  if (date1904) epoch = Date.UTC(1904, 0, 1);
  else if (day === 60) return undefined;
  else epoch = day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + day * DAY_MS).toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : undefined;
}

const PARTS = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})$/;
const PARTIAL = /^(\d{4}|\d{1,2}[/.-]\d{4}|\d{4}[/.-]\d{1,2})$/;

export function readDate(cell: Cell, format: DateFormat, date1904: boolean): DateRead {
  if (typeof cell === 'number') {
    if (format !== 'excel-serial') return { ok: false, problem: 'undeclared_date_format' };
    const iso = excelSerialToIso(cell, date1904);
    return iso ? { ok: true, date: iso } : { ok: false, problem: 'invalid_date' };
  }
  const text = typeof cell === 'string' ? cell.trim() : '';
  // A date-time ("2019-04-03 10:15" or "2019-04-03T10:15:00") keeps its day.
  const value = text.replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return isIsoDate(value) ? { ok: true, date: value } : { ok: false, problem: 'invalid_date' };
  if (format === 'excel-serial') {
    if (!/^\d+(\.\d+)?$/.test(value)) return { ok: false, problem: 'invalid_date' };
    const iso = excelSerialToIso(Number(value), date1904);
    return iso ? { ok: true, date: iso } : { ok: false, problem: 'invalid_date' };
  }
  if (PARTIAL.test(value)) return { ok: false, problem: 'partial_date' };
  const match = PARTS.exec(value);
  if (!match) return { ok: false, problem: 'invalid_date' };
  const [a, b, c] = [match[1]!, match[2]!, match[3]!];
  if (a.length === 4) {
    // Year first is always year-month-day, whatever separator.
    return fromParts(Number(a), Number(b), Number(c));
  }
  if (c.length === 2) return { ok: false, problem: 'two_digit_year' };
  if (c.length !== 4) return { ok: false, problem: 'invalid_date' };
  if (format === 'dmy') return fromParts(Number(c), Number(b), Number(a));
  if (format === 'mdy') return fromParts(Number(c), Number(a), Number(b));
  // No declared order: 03/04/2019 could be either, and even 25/04/2019 is not guessed from one cell.
  return { ok: false, problem: Number(a) <= 12 && Number(b) <= 12 ? 'ambiguous_date' : 'undeclared_date_format' };
}

function fromParts(year: number, month: number, day: number): DateRead {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? { ok: true, date: iso } : { ok: false, problem: 'invalid_date' };
}

/**
 * The format a column's values show, for the mapping step to propose: `dmy` when some first part
 * is above 12, `mdy` when some second part is, `excel-serial` for plain day counts; `undefined`
 * when the values do not tell (then the analyst must say).
 */
export function proposeDateFormat(values: readonly Cell[]): DateFormat | undefined {
  let dmy = false;
  let mdy = false;
  let serial = 0;
  let iso = 0;
  let seen = 0;
  for (const cell of values) {
    if (cell === null || cell === '') continue;
    seen++;
    if (typeof cell === 'number' || /^\d{4,5}$/.test(String(cell).trim())) {
      serial++;
      continue;
    }
    const text = String(cell).trim();
    if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
      iso++;
      continue;
    }
    const match = PARTS.exec(text);
    if (!match || match[1]!.length === 4) continue;
    if (Number(match[1]) > 12) dmy = true;
    if (Number(match[2]) > 12) mdy = true;
  }
  if (seen === 0) return undefined;
  if (iso === seen) return 'iso';
  if (serial === seen) return 'excel-serial';
  if (dmy && !mdy) return 'dmy';
  if (mdy && !dmy) return 'mdy';
  return undefined;
}
