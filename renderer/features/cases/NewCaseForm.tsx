import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKINGS, type FieldIssue, type Marking } from '../../../shared/model';
import { useDatabase, createCase } from '../../db';
import { localToday } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { FieldError } from '../../ui/FieldError';
import { useCaseActions } from './use-case-actions';

type FieldName = 'name' | 'unit' | 'openedOn' | 'marking';
const FIELDS: readonly FieldName[] = ['name', 'unit', 'openedOn', 'marking'];

/** Creates an empty case. What was typed stays in the form when the case is refused. */
export function NewCaseForm() {
  const { t } = useTranslation();
  const db = useDatabase();
  const { open } = useCaseActions();
  const id = useId();
  const nameInput = useRef<HTMLInputElement>(null);
  const newCaseRequested = useUiStore((s) => s.newCaseRequested);
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: '',
    unit: '',
    openedOn: localToday(),
    marking: 'DIFUSION_LIMITADA',
  });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);

  // The native menu's "New case" brings the analyst here.
  useEffect(() => {
    if (newCaseRequested > 0) nameInput.current?.focus();
  }, [newCaseRequested]);

  const issueFor = (field: FieldName) => issues.find((issue) => issue.path === field);
  const update = (field: FieldName, value: string) => setValues((v) => ({ ...v, [field]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailed(false);
    try {
      const result = await createCase(db, {
        name: values.name,
        unit: values.unit.trim(),
        openedOn: values.openedOn,
        marking: values.marking as Marking,
      });
      if (result.ok) {
        await open(result.value.id);
        return;
      }
      setIssues(result.issues);
      const first = FIELDS.find((field) => result.issues.some((issue) => issue.path === field));
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      else setFailed(true);
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  }

  const fieldProps = (field: FieldName) => ({
    id: `${id}-${field}`,
    value: values[field],
    'aria-invalid': issueFor(field) ? true : undefined,
    'aria-describedby': issueFor(field) ? `${id}-${field}-error` : undefined,
  });

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('newCase.title')}</h2>
      {issues.length > 0 && <p className="form-summary" role="alert">{t('newCase.errorSummary')}</p>}
      {failed && <p className="form-summary" role="alert">{t('newCase.failed')}</p>}
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('newCase.name')}</label>
        <input ref={nameInput} {...fieldProps('name')} autoComplete="off" onChange={(e) => update('name', e.target.value)} />
        <FieldError id={`${id}-name-error`} issue={issueFor('name')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{t('newCase.unit')}</label>
        <input {...fieldProps('unit')} autoComplete="off" onChange={(e) => update('unit', e.target.value)} />
        <FieldError id={`${id}-unit-error`} issue={issueFor('unit')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-openedOn`}>{t('newCase.openedOn')}</label>
        <input {...fieldProps('openedOn')} type="date" onChange={(e) => update('openedOn', e.target.value)} />
        <FieldError id={`${id}-openedOn-error`} issue={issueFor('openedOn')} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-marking`}>{t('newCase.marking')}</label>
        <select {...fieldProps('marking')} onChange={(e) => update('marking', e.target.value)}>
          {MARKINGS.map((marking) => (
            <option key={marking} value={marking}>
              {t(`marking.${marking}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-marking-error`} issue={issueFor('marking')} />
      </div>
      <button type="submit" className="button secondary" disabled={saving}>
        {t('newCase.submit')}
      </button>
    </form>
  );
}
