import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue, Marking } from '../../../shared/model';
import { useDatabase, createCase } from '../../db';
import { localToday } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import { CaseFields, type CaseFieldName } from './CaseFields';
import { useCaseActions } from './use-case-actions';

type FieldName = Exclude<CaseFieldName, 'description'>;
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

  const update = (field: CaseFieldName, value: string) => setValues((v) => ({ ...v, [field]: value }));

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

  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('newCase.title')}</h2>
      {issues.length > 0 && <p className="form-summary" role="alert">{t('newCase.errorSummary')}</p>}
      {failed && <p className="form-summary" role="alert">{t('newCase.failed')}</p>}
      <CaseFields
        id={id}
        fields={FIELDS}
        values={{ ...values, description: '' }}
        issues={issues}
        onChange={update}
        nameRef={nameInput}
        labels={{
          name: t('newCase.name'),
          description: '',
          unit: t('newCase.unit'),
          openedOn: t('newCase.openedOn'),
          marking: t('newCase.marking'),
        }}
      />
      <button type="submit" className="button secondary" disabled={saving}>
        {t('newCase.submit')}
      </button>
    </form>
  );
}
