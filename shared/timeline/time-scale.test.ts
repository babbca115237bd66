import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates';
import { centreOn, dateAt, fitScale, MAX_PX_PER_DAY, MIN_PX_PER_DAY, panBy, stepDate, tickUnit, ticks, xOf, zoomAt } from './time-scale';

describe('the time scale', () => {
  it('maps a date to x and back', () => {
    const scale = { startDay: dayNumber('2020-01-01'), pxPerDay: 2 };
    expect(xOf(scale, '2020-01-11')).toBe(20);
    expect(dateAt(scale, 20)).toBe('2020-01-11');
    expect(dateAt(scale, 20.9)).toBe('2020-01-11');
    expect(dateAt(panBy(scale, 20), 0)).toBe('2020-01-11');
    expect(dateAt(centreOn(scale, '2024-06-01', 800), 400)).toBe('2024-06-01');
  });

  it('zooms around an anchor, from decades to days, and no further', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.integer({ min: 0, max: 1600 }), (factor, anchor) => {
        const scale = { startDay: dayNumber('2015-03-01'), pxPerDay: 0.5 };
        const zoomed = zoomAt(scale, factor, anchor);
        expect(zoomed.pxPerDay).toBeGreaterThanOrEqual(MIN_PX_PER_DAY);
        expect(zoomed.pxPerDay).toBeLessThanOrEqual(MAX_PX_PER_DAY);
        expect(dateAt(zoomed, anchor)).toBe(dateAt(scale, anchor));
      }),
    );
    expect(tickUnit({ startDay: 0, pxPerDay: MIN_PX_PER_DAY })).toBe('decade');
    expect(tickUnit({ startDay: 0, pxPerDay: 0.5 })).toBe('year');
    expect(tickUnit({ startDay: 0, pxPerDay: 4 })).toBe('month');
    expect(tickUnit({ startDay: 0, pxPerDay: MAX_PX_PER_DAY })).toBe('day');
  });

  it('fits a span of dates into a width', () => {
    const scale = fitScale('2000-01-01', '2020-01-01', 1000);
    expect(xOf(scale, '2000-01-01')).toBeGreaterThan(0);
    expect(xOf(scale, '2020-01-01')).toBeLessThan(1000);
    expect(xOf(scale, '2020-01-01') - xOf(scale, '2000-01-01')).toBeGreaterThan(900);
  });

  it('steps the calendar by days, months, years and decades, clamping to the month’s end', () => {
    expect(stepDate('2024-01-31', 'month', 1)).toBe('2024-02-29');
    expect(stepDate('2023-01-31', 'month', 1)).toBe('2023-02-28');
    expect(stepDate('2024-03-31', 'month', -1)).toBe('2024-02-29');
    expect(stepDate('2024-02-29', 'year', 1)).toBe('2025-02-28');
    expect(stepDate('2024-12-31', 'day', 1)).toBe('2025-01-01');
    expect(stepDate('2024-06-15', 'decade', -2)).toBe('2004-06-15');
    expect(stepDate('0105-01-01', 'decade', -1)).toBe('0100-01-01');
  });

  it('puts ticks on calendar boundaries inside the width', () => {
    const yearly = ticks({ startDay: dayNumber('2010-06-01'), pxPerDay: 0.5 }, 1000);
    expect(yearly.every((t) => t.unit === 'year' && t.date.endsWith('-01-01') && t.x >= 0 && t.x <= 1000)).toBe(true);
    expect(yearly[0]!.date).toBe('2011-01-01');
    const monthly = ticks({ startDay: dayNumber('2010-06-15'), pxPerDay: 4 }, 400);
    expect(monthly.map((t) => t.date)).toEqual(['2010-07-01', '2010-08-01', '2010-09-01']);
    const decades = ticks({ startDay: dayNumber('1950-01-01'), pxPerDay: MIN_PX_PER_DAY }, 1000);
    expect(decades.every((t) => /^\d{3}0-01-01$/.test(t.date))).toBe(true);
  });
});
