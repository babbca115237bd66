import { useTranslation } from 'react-i18next';
import type { Person, Prison, Stay } from '../../../../shared/model';
import { useFormatters } from '../../../i18n/formatters';
import { Field } from './Field';

/** Where the person is held today and how the service follows them. */
export function PersonStatus({ person, stay, prison }: { person: Person; stay: Stay | undefined; prison: Prison | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const programme = t(`programme.${person.programme.status}`);
  return (
    <section aria-labelledby="person-status-title">
      <h3 id="person-status-title">{t('person.situation')}</h3>
      <dl>
      <Field label={t('person.currentPrison')}>
        {prison && stay ? (
          <>
            {t('person.prisonSince', {
              prison: prison.province ? t('person.prisonWithProvince', { prison: prison.name, province: prison.province }) : prison.name,
              date: format.date(stay.from),
            })}
            {stay.module && <> · {stay.module}</>}
          </>
        ) : (
          t('person.noCurrentPrison')
        )}
      </Field>
      <Field label={t('person.role')}>{t(`role.${person.role}`)}</Field>
      <Field label={t('person.monitoring')}>{t(`monitoring.${person.monitoring}`)}</Field>
      <Field label={t('person.programme')}>
        {person.programme.since ? t('person.programmeSince', { status: programme, date: format.date(person.programme.since) }) : programme}
      </Field>
      </dl>
    </section>
  );
}
