import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from './dates';

/** The definition the fast check replaced: a day that `Date.UTC` reads back unchanged. */
function isIsoDateByCalendar(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const digit = fc.constantFrom(...'0123456789');
const digitsOf = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((ds) => ds.join(''));
/** Mostly date-shaped strings (so that real days, 29 Februaries and day 31 come up), some noise. */
const dateLike = fc.oneof(
  fc.tuple(digitsOf(4), digitsOf(2), digitsOf(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.string({ maxLength: 12 }),
);

describe('isIsoDate', () => {
  it('accepts exactly the days the calendar definition accepts', () => {
    fc.assert(
      fc.property(dateLike, (value) => {
        expect(isIsoDate(value)).toBe(isIsoDateByCalendar(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('knows leap years and short months', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-12-31')).toBe(true);
    expect(isIsoDate('2025-1-31')).toBe(false);
    expect(isIsoDate('２０２５-01-01')).toBe(false);
  });
});
