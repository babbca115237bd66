import { useTranslation } from 'react-i18next';
import { releaseDate, type Sentence, type Source } from '../../../../shared/model';
import { Citation } from '../../editing/Citation';
import { DeleteButton } from '../../editing/DeleteButton';
import { useFormatters } from '../../../i18n/formatters';
import { Field } from './Field';
import { ReleaseDate } from './ReleaseDate';
import { LastChangeLine } from '../../provenance/LastChangeLine';
import { useLastChanges } from '../../provenance/use-last-changes';

/** The person's sentences, newest first, each with its expected release. */
export function SentenceList({
  sentences,
  sourcesById,
  onEdit,
  canDelete = false,
}: {
  sentences: readonly Sentence[];
  sourcesById?: ReadonlyMap<string, Source>;
  onEdit?(sentenceId: string): void;
  /** Offers deletion (a tombstone, undoable) beside each sentence. */
  canDelete?: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const changes = useLastChanges(
    sentences.map((s) => ({ table: 'sentences' as const, id: s.id })),
    sentences.map((s) => s.id).join(),
  );
  return (
    <section aria-labelledby="person-sentences-title">
      <h3 id="person-sentences-title">{t('person.sentences')}</h3>
      {sentences.length === 0 && <p className="hint">{t('person.noSentences')}</p>}
      {sentences.map((sentence) => {
        const release = releaseDate(sentence);
        return (
          // The last-change line is a paragraph: it follows the list of terms, a <dl> may hold only those.
          <div key={sentence.id} className="sentence">
          <dl>
            <Field label={t('person.offence')}>
              {sentence.offence}
              {onEdit && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="button quiet"
                    aria-label={t('editing.editSentence', { offence: sentence.offence })}
                    onClick={() => onEdit(sentence.id)}
                  >
                    {t('editing.edit')}
                  </button>
                </>
              )}
              {canDelete && (
                <>
                  {' '}
                  <DeleteButton table="sentences" id={sentence.id} what={t('editing.whatSentence', { offence: sentence.offence })} />
                </>
              )}
              <Citation sourceIds={sentence.sourceIds} sourcesById={sourcesById} />
            </Field>
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
            <LastChangeLine change={changes?.get(sentence.id)} />
          </div>
        );
      })}
    </section>
  );
}
