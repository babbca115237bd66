import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDate, dateOfDay, dayNumber } from './dates';

describe('checkDate', () => {
  it.each([
    ['2024-02-29', { ok: true, date: '2024-02-29' }],
    [undefined, { ok: false, reason: 'missing' }],
    ['', { ok: false, reason: 'missing' }],
    ['1998', { ok: false, reason: 'partial' }],
    ['1998-03', { ok: false, reason: 'partial' }],
    ['2023-02-29', { ok: false, reason: 'invalid' }],
    ['1998-13', { ok: false, reason: 'invalid' }],
    ['03/04/1998', { ok: false, reason: 'invalid' }],
    [19980304, { ok: false, reason: 'invalid' }],
  ])('reads %j as %j', (value, expected) => {
    expect(checkDate(value)).toEqual(expected);
  });

  it('never throws, whatever a bundle holds', () => {
    fc.assert(fc.property(fc.anything(), (value) => void checkDate(value)));
  });
});

describe('day numbers', () => {
  it('round-trip every day of the years the model accepts', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(dateOfDay(dayNumber(iso))).toBe(iso);
      }),
    );
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dateOfDay(1e9)).toBe('9999-12-31');
  });
});
