import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excelSerialToIso, proposeDateFormat, readDate } from './dates';

describe('dates', () => {
  it('reads Excel serials in the 1900 and the 1904 systems', () => {
    expect(excelSerialToIso(43831, false)).toBe('2020-01-01');
    expect(excelSerialToIso(42369, true)).toBe('2020-01-01');
    expect(excelSerialToIso(1, false)).toBe('1900-01-01');
    expect(excelSerialToIso(61, false)).toBe('1900-03-01');
    // Excel's 29 February 1900 never existed.
    expect(excelSerialToIso(60, false)).toBeUndefined();
    expect(readDate(43831.75, 'excel-serial', false)).toEqual({ ok: true, date: '2020-01-01' });
  });

  it('flags 03/04/2019 without a declared format instead of guessing, and reads it when declared', () => {
    expect(readDate('03/04/2019', 'auto', false)).toEqual({ ok: false, problem: 'ambiguous_date' });
    expect(readDate('25/04/2019', 'auto', false)).toEqual({ ok: false, problem: 'undeclared_date_format' });
    expect(readDate('03/04/2019', 'dmy', false)).toEqual({ ok: true, date: '2019-04-03' });
    expect(readDate('03/04/2019', 'mdy', false)).toEqual({ ok: true, date: '2019-03-04' });
    expect(readDate('2019-04-03', 'auto', false)).toEqual({ ok: true, date: '2019-04-03' });
  });

  it('flags partial dates, two-digit years and days that do not exist', () => {
    expect(readDate('2019', 'dmy', false)).toEqual({ ok: false, problem: 'partial_date' });
    expect(readDate('04/2019', 'dmy', false)).toEqual({ ok: false, problem: 'partial_date' });
    expect(readDate('03/04/19', 'dmy', false)).toEqual({ ok: false, problem: 'two_digit_year' });
    expect(readDate('31/02/2019', 'dmy', false)).toEqual({ ok: false, problem: 'invalid_date' });
    expect(readDate(43831, 'dmy', false)).toEqual({ ok: false, problem: 'undeclared_date_format' });
  });

  it('reads back every day written as dd/mm/yyyy, dd.mm.yyyy or mm/dd/yyyy', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-03-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        expect(readDate(`${day}/${m}/${y}`, 'dmy', false)).toEqual({ ok: true, date: iso });
        expect(readDate(`${day}.${m}.${y}`, 'dmy', false)).toEqual({ ok: true, date: iso });
        expect(readDate(`${m}/${day}/${y}`, 'mdy', false)).toEqual({ ok: true, date: iso });
      }),
    );
  });

  it('proposes a format only when the values tell', () => {
    expect(proposeDateFormat(['03/04/2019', '25/12/2019'])).toBe('dmy');
    expect(proposeDateFormat(['03/04/2019', '12/25/2019'])).toBe('mdy');
    expect(proposeDateFormat(['03/04/2019'])).toBeUndefined();
    expect(proposeDateFormat(['2019-04-03', null])).toBe('iso');
  });
});
