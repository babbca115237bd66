import { useTranslation } from 'react-i18next';
import { releaseDate, type Sentence } from '../../../../shared/model';
import { useFormatters } from '../../../i18n/formatters';
import { Field } from './Field';
import { ReleaseDate } from './ReleaseDate';

/** The person's sentences, newest first, each with its expected release. */
export function SentenceList({ sentences }: { sentences: readonly Sentence[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <section aria-labelledby="person-sentences-title">
      <h3 id="person-sentences-title">{t('person.sentences')}</h3>
      {sentences.length === 0 && <p className="hint">{t('person.noSentences')}</p>}
      {sentences.map((sentence) => {
        const release = releaseDate(sentence);
        return (
          <dl key={sentence.id} className="sentence">
            <Field label={t('person.offence')}>{sentence.offence}</Field>
            {sentence.lengthMonths !== undefined && (
              <Field label={t('person.length')}>{t('person.lengthMonths', { count: sentence.lengthMonths })}</Field>
            )}
            <Field label={t('person.start')}>{format.date(sentence.start)}</Field>
            {release && (
              <Field label={sentence.earlyRelease ? t('person.earlyRelease') : t('person.expectedRelease')}>
                <ReleaseDate date={release} />
              </Field>
            )}
            {sentence.earlyRelease && sentence.expectedRelease && (
              <Field label={t('person.expectedRelease')}>{format.date(sentence.expectedRelease)}</Field>
            )}
            {sentence.preventiveDetention && <Field label={t('person.preventiveDetention')}>✓</Field>}
          </dl>
        );
      })}
    </section>
  );
}
