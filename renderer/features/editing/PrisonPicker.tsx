import { useTranslation } from 'react-i18next';
import { PRISONS_ES } from '../../../shared/gazetteer';
import type { FieldIssue } from '../../../shared/model';
import { type VigiaDatabase, addGazetteerPrison } from '../../db';
import { FieldError } from '../../ui/FieldError';
import { useCasePrisons } from './use-case-records';

/** A choice of prison: `case:<id>` for a prison of the case, `gazetteer:<id>` for one to add. */
export type PrisonChoice = string;

/**
 * The prison a stay is in, among the case's prisons and the built-in gazetteer of Spain's prisons.
 * Gazetteer prisons already in the case are listed once, as the case's.
 */
export function PrisonPicker({
  id,
  label,
  value,
  onChange,
  issue,
}: {
  id: string;
  label: string;
  value: PrisonChoice;
  onChange(value: PrisonChoice): void;
  issue: FieldIssue | undefined;
}) {
  const { t } = useTranslation();
  const prisons = useCasePrisons() ?? [];
  const inCase = new Set(prisons.map((p) => p.gazetteerId).filter(Boolean));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={issue ? true : undefined}
        aria-describedby={issue ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('editing.choosePrison')}</option>
        {prisons.length > 0 && (
          <optgroup label={t('editing.casePrisons')}>
            {prisons.map((prison) => (
              <option key={prison.id} value={`case:${prison.id}`}>
                {prison.province ? t('person.prisonWithProvince', { prison: prison.name, province: prison.province }) : prison.name}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label={t('editing.gazetteerPrisons')}>
          {PRISONS_ES.filter((entry) => !inCase.has(entry.id)).map((entry) => (
            <option key={entry.id} value={`gazetteer:${entry.id}`}>
              {t('person.prisonWithProvince', { prison: entry.name, province: entry.province })}
            </option>
          ))}
        </optgroup>
      </select>
      <FieldError id={`${id}-error`} issue={issue} />
    </div>
  );
}

/**
 * The prison id for a choice, adding a gazetteer prison to the case first (inside the caller's
 * transaction, so a refused stay does not leave the prison behind). Refused with `missing_prison`
 * when nothing was chosen.
 */
export async function resolvePrison(
  db: VigiaDatabase,
  caseId: string,
  choice: PrisonChoice,
): Promise<{ ok: true; value: string } | { ok: false; issues: FieldIssue[] }> {
  if (choice.startsWith('case:')) return { ok: true, value: choice.slice('case:'.length) };
  if (choice.startsWith('gazetteer:')) {
    const added = await addGazetteerPrison(db, caseId, choice.slice('gazetteer:'.length));
    return added.ok ? { ok: true, value: added.value.id } : { ok: false, issues: added.issues.map((i) => ({ ...i, path: 'prisonId' })) };
  }
  return { ok: false, issues: [{ path: 'prisonId', code: 'missing_prison' }] };
}
