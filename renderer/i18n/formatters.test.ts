import { describe, expect, it } from 'vitest';
import { createFormatters, daysFromToday, localToday } from './formatters';

describe('createFormatters', () => {
  it('writes dates as Spanish and British readers expect', () => {
    expect(createFormatters('es').date('2025-12-03')).toBe('3 de diciembre de 2025');
    expect(createFormatters('en').date('2025-12-03')).toBe('3 December 2025');
  });

  it('does not move a calendar date across midnight', () => {
    expect(createFormatters('en').date('2025-01-01')).toBe('1 January 2025');
  });

  it('groups thousands with the locale separator', () => {
    expect(createFormatters('es').number(100000)).toBe('100.000');
    expect(createFormatters('en').number(100000)).toBe('100,000');
  });

  it('names countries in the UI language', () => {
    expect(createFormatters('es').country('MA')).toBe('Marruecos');
    expect(createFormatters('en').country('MA')).toBe('Morocco');
  });

  it('leaves a malformed date as typed rather than printing "Invalid Date"', () => {
    expect(createFormatters('es').date('2025-13-45x')).toBe('2025-13-45x');
  });
});

describe('days until a date', () => {
  it('counts whole calendar days from the local date', () => {
    const today = localToday(new Date(2025, 0, 31, 23, 30));
    expect(today).toBe('2025-01-31');
    expect(daysFromToday('2025-02-07', today)).toBe(7);
    expect(daysFromToday('2025-01-30', today)).toBe(-1);
  });
});
