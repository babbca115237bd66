import type { Tick } from '../../../shared/timeline/time-scale';

/**
 * A tick's label, short enough for the gap between ticks: "2020" for years and decades, the
 * month's short name for months ("ene 2024" on January, so the year is never lost), the day's
 * number for days (with the month on the 1st). Formatted in UTC: the dates have no time zone.
 */
export function tickLabel(tick: Tick, locale: string): string {
  const [year, month, day] = tick.date.split('-');
  if (tick.unit === 'year' || tick.unit === 'decade') return String(Number(year));
  const time = Date.parse(`${tick.date}T00:00:00Z`);
  const monthName = monthFormat(locale).format(time).replace('.', '');
  if (tick.unit === 'month') return month === '01' ? `${monthName} ${Number(year)}` : monthName;
  return day === '01' ? `${Number(day)} ${monthName}` : String(Number(day));
}

// One formatter per locale: the axis asks for a label per tick on every pan.
const formats = new Map<string, Intl.DateTimeFormat>();
function monthFormat(locale: string): Intl.DateTimeFormat {
  let found = formats.get(locale);
  if (!found) formats.set(locale, (found = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' })));
  return found;
}
