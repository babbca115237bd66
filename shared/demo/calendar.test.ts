import { describe, expect, it } from 'vitest';
import { addMonthsToDay, dayOf, isoOf } from './calendar';

describe('demo calendar', () => {
  it('turns dates into day numbers and back, before 1970 and far ahead too', () => {
    for (const date of ['1970-01-01', '1958-03-31', '2026-11-24', '2028-02-29', '2250-06-01', '1850-01-01']) {
      expect(isoOf(dayOf(date))).toBe(date);
    }
    expect(dayOf('1970-01-02')).toBe(1);
  });

  it('adds calendar months, keeping the day or clamping it to the end of a shorter month', () => {
    expect(isoOf(addMonthsToDay(dayOf('2016-12-01'), 168))).toBe('2030-12-01');
    expect(isoOf(addMonthsToDay(dayOf('2026-12-01'), -120))).toBe('2016-12-01');
    expect(isoOf(addMonthsToDay(dayOf('2024-01-31'), 1))).toBe('2024-02-29');
    expect(isoOf(addMonthsToDay(dayOf('2028-02-29'), -12))).toBe('2027-02-28');
  });
});
