import { useTranslation } from 'react-i18next';
import type { Source } from '../../../shared/model';
import type { StayWithPrison } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { Citation } from './Citation';
import { DeleteButton } from './DeleteButton';

/** Every stay of the person in prison, newest first, with its module, sources and a way to edit or delete it. */
export function StayList({
  personId,
  stays,
  sourcesById,
}: {
  personId: string;
  stays: readonly StayWithPrison[];
  sourcesById: ReadonlyMap<string, Source>;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const openEditor = useUiStore((s) => s.openEditor);
  return (
    <section aria-labelledby="person-stays-title">
      <h3 id="person-stays-title">{t('editing.stays')}</h3>
      {stays.length === 0 && <p className="hint">{t('editing.noStays')}</p>}
      <ul className="stay-list">
        {stays.map(({ stay, prisonName }) => {
          const prison = prisonName ?? t('editing.unknownPrison');
          return (
            <li key={stay.id}>
              {stay.to
                ? t('editing.stayPeriod', { prison, from: format.date(stay.from), to: format.date(stay.to) })
                : t('editing.stayPeriodOpen', { prison, from: format.date(stay.from) })}
              {[stay.module, stay.cell].filter(Boolean).map((place) => ` · ${place}`)}{' '}
              <button
                type="button"
                className="button quiet"
                aria-label={t('editing.editStay', { prison })}
                onClick={() => openEditor({ kind: 'stay', personId, stayId: stay.id })}
              >
                {t('editing.edit')}
              </button>{' '}
              <DeleteButton table="stays" id={stay.id} what={t('editing.whatStay', { prison })} />
              <Citation sourceIds={stay.sourceIds} sourcesById={sourcesById} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
