import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../../../shared/model';
import { daysFromToday, useFormatters } from '../../../i18n/formatters';

/** Within this many days a release is "soon": the horizon analysts ask about. */
const SOON_DAYS = 90;

/** A release date, with "in N days" when it is close: the fact an analyst must not miss. */
export function ReleaseDate({ date }: { date: IsoDate }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = daysFromToday(date);
  const note =
    days < 0 ? t('person.releasePast') : days === 0 ? t('person.releaseToday') : days <= SOON_DAYS ? t('person.releaseInDays', { count: days }) : undefined;
  return (
    <span data-testid="release-date" className={days >= 0 && days <= SOON_DAYS ? 'release soon' : 'release'}>
      <time dateTime={date}>{format.date(date)}</time>
      {note && <> ({note})</>}
    </span>
  );
}
