import { useTranslation } from 'react-i18next';
import { markingsFrom, type Marking } from '../../../shared/model';
import { SelectField } from './controls';
import { useCaseMarking } from './use-case-records';

/**
 * A record's marking: the case's (stored as no marking of its own) or one above it, such as a
 * source naming an informant. Releases at a lower marking leave out what is marked above them.
 */
export function RecordMarkingField({ id, value, onChange, label }: { id: string; value: Marking | undefined; onChange(value: Marking | undefined): void; label?: string }) {
  const { t } = useTranslation();
  const caseMarking = useCaseMarking();
  if (!caseMarking) return null;
  const above = markingsFrom(caseMarking).slice(1);
  return (
    <SelectField
      id={id}
      issue={undefined}
      label={label ?? t('release.recordMarking')}
      value={value && above.includes(value) ? value : ''}
      onChange={(v) => onChange(v === '' ? undefined : (v as Marking))}
      options={[
        { value: '' as const, label: t('release.caseMarking', { marking: t(`marking.${caseMarking}`) }) },
        ...above.map((m) => ({ value: m, label: t(`marking.${m}`) })),
      ]}
    />
  );
}
