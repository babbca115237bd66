import { useTranslation } from 'react-i18next';
import type { Person, Source } from '../../../../shared/model';
import { Citation } from '../../editing/Citation';
import { useFormatters } from '../../../i18n/formatters';
import { Field } from './Field';

/** Names and identity: aliases and kunyas, real name, identifiers (NIS, NIE…), nationalities claimed and verified. */
export function PersonNames({ person, sourcesById }: { person: Person; sourcesById?: ReadonlyMap<string, Source> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="person-names-title">
      <h3 id="person-names-title">{t('person.names')}</h3>
      <dl>
        <Field label={t('person.primaryName')}>{person.primaryName}</Field>
        {person.alternateNames.length === 0 ? (
          <Field label={t('nameKind.alias')}>{t('person.noAliases')}</Field>
        ) : (
          person.alternateNames.map((alternate, i) => (
            <Field key={`${alternate.kind}-${i}`} label={t(`nameKind.${alternate.kind}`)}>
              <span data-testid="person-alias">{alternate.name}</span>
              <Citation sourceIds={alternate.sourceIds} sourcesById={sourcesById} />
            </Field>
          ))
        )}
        {person.realName && <Field label={t('person.realName')}>{person.realName}</Field>}
        {(person.identifiers ?? []).map((identifier) => (
          <Field key={`${identifier.scheme}-${identifier.value}`} label={t(`person.identifierScheme.${identifier.scheme}`)}>
            <span data-testid="person-identifier">{identifier.value}</span>
            <Citation sourceIds={identifier.sourceIds} sourcesById={sourcesById} />
          </Field>
        ))}
        <Field label={t('person.nationalities')}>
          {person.nationalities.length === 0
            ? t('person.noNationality')
            : person.nationalities
                .map((n) => t(`person.nationality_${n.status}`, { country: format.country(n.country) }))
                .join(', ')}
        </Field>
        {person.birthDate && <Field label={t('person.birthDate')}>{format.date(person.birthDate)}</Field>}
      </dl>
    </section>
  );
}
