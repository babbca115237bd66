import { useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PRISON_ADMINISTRATIONS, PRISON_KINDS, type Prison } from '../../../shared/model';
import { useDatabase, createPrison, updatePrison, recordUndoable } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { FieldError } from '../../ui/FieldError';
import { useFormIssues } from '../../ui/form-support';
import { draftOf, EMPTY_PRISON_DRAFT, prisonFields, type PrisonDraft } from './prison-draft';

/**
 * Creates one of the analyst's own prisons, or edits any prison of the case (its modules above all).
 * Saved as one undoable action; a refusal keeps everything typed and focuses the first bad field.
 */
export function PrisonForm({ caseId, prison, onDone }: { caseId: string; prison?: Prison; onDone(): void }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const pushUndoable = useUiStore((s) => s.pushUndoable);
  const form = useRef<HTMLFormElement>(null);
  const { refuse, issueFor } = useFormIssues(form);
  const [draft, setDraft] = useState<PrisonDraft>(prison ? draftOf(prison) : EMPTY_PRISON_DRAFT);
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const id = useId();
  const set = (field: keyof PrisonDraft) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  async function save() {
    const fields = prisonFields(draft);
    if (!fields.ok) return refuse(fields.issues);
    setSaving(true);
    setFailed(false);
    try {
      const { result, action } = await recordUndoable(db, caseId, () =>
        prison ? updatePrison(db, prison.id, fields.value) : createPrison(db, caseId, fields.value),
      );
      if (!result.ok) return refuse(result.issues);
      if (action) pushUndoable(action);
      onDone();
    } catch {
      setFailed(true);
    } finally {
      setSaving(false);
    }
  }

  const text = (field: 'name' | 'town' | 'province' | 'region' | 'lat' | 'lon', autoFocus = false) => (
    <Field id={`${id}-${field}`} label={t(`prisons.form.${field}`)} issue={issueFor(field)}>
      {(props) => <input {...props} value={draft[field]} onChange={(e) => set(field)(e.target.value)} data-autofocus={autoFocus || undefined} />}
    </Field>
  );

  return (
    <form
      ref={form}
      className="prison-form"
      aria-label={prison ? t('prisons.form.titleEdit', { name: prison.name }) : t('prisons.form.titleNew')}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h3>{prison ? t('prisons.form.titleEdit', { name: prison.name }) : t('prisons.form.titleNew')}</h3>
      {text('name', true)}
      {text('town')}
      {text('province')}
      {text('region')}
      <Field id={`${id}-administration`} label={t('prisons.form.administration')} issue={issueFor('administration')}>
        {(props) => (
          <select {...props} value={draft.administration} onChange={(e) => set('administration')(e.target.value)}>
            {PRISON_ADMINISTRATIONS.map((a) => (
              <option key={a} value={a}>
                {t(`prisons.administrationValue.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`${id}-kind`} label={t('prisons.form.kind')} issue={issueFor('kind')}>
        {(props) => (
          <select {...props} value={draft.kind} onChange={(e) => set('kind')(e.target.value)}>
            {PRISON_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`prisons.kindValue.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('lat')}
      {text('lon')}
      <Field id={`${id}-modules`} label={t('prisons.form.modules')} issue={issueFor('modules')}>
        {(props) => <textarea {...props} rows={4} value={draft.modules} onChange={(e) => set('modules')(e.target.value)} />}
      </Field>
      {failed && <p role="alert" className="field-error">{t('prisons.form.failed')}</p>}
      <div className="records-actions">
        <button type="submit" className="button" disabled={saving}>
          {t('prisons.form.save')}
        </button>
        <button type="button" className="button quiet" onClick={onDone}>
          {t('prisons.form.cancel')}
        </button>
      </div>
    </form>
  );
}

type ControlProps = { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined };

/** A labelled control with its validation message, wired for screen readers. */
function Field({ id, label, issue, children }: { id: string; label: string; issue: ReturnType<ReturnType<typeof useFormIssues>['issueFor']>; children(props: ControlProps): ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(issue), 'aria-describedby': issue ? errorId : undefined })}
      <FieldError id={errorId} issue={issue} />
    </div>
  );
}
