import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, type IsoDate } from '../../shared/model';
import { intlLocaleOf } from './i18n';

export interface Formatters {
  /** A calendar date (`YYYY-MM-DD`) as people of the locale write it, e.g. "3 de diciembre de 2025". */
  date(value: IsoDate): string;
  number(value: number): string;
  /** A country's name from its ISO code, in the UI language. */
  country(code: string): string;
}

/**
 * Formatters for one locale. Calendar dates carry no time zone, so they are formatted in UTC:
 * formatting them in local time would move them a day in zones west of Greenwich.
 */
export function createFormatters(language: string): Formatters {
  const locale = intlLocaleOf(language);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const numbers = new Intl.NumberFormat(locale);
  const countries = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return {
    date: (value) => {
      const time = Date.parse(`${value}T00:00:00Z`);
      return Number.isNaN(time) ? value : dates.format(time);
    },
    number: (value) => numbers.format(value),
    country: (code) => countries.of(code) ?? code,
  };
}

export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}

/** Today's calendar date on this workstation's clock, in its own time zone. */
export function localToday(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from today until `date` (negative when it has passed). */
export function daysFromToday(date: IsoDate, today: IsoDate = localToday()): number {
  return daysBetween(today, date);
}
