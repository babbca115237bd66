import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, createSource, recordUndoable } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { useFormIssues } from '../../ui/form-support';
import { EMPTY_SOURCE, SourceFields, sourceFields, type SourceDraft } from './SourceFields';
import { useCaseSources } from './use-case-records';

/**
 * The sources a fact cites: pick one of the case, or create one right here (its own undoable
 * action) and cite it. A source created here is kept even if the fact's form is then cancelled.
 */
export function SourcePicker({
  label,
  value,
  onChange,
}: {
  label: string;
  value: readonly string[];
  onChange(sourceIds: string[]): void;
}) {
  const { t } = useTranslation();
  const db = useDatabase();
  const caseId = useUiStore((s) => s.openCaseId);
  const pushUndoable = useUiStore((s) => s.pushUndoable);
  const sources = useCaseSources() ?? [];
  const base = useId();
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<SourceDraft>(EMPTY_SOURCE);
  const inline = useRef<HTMLDivElement>(null);
  const { issues, refuse, issueFor } = useFormIssues(inline);
  const cited = value.map((id) => sources.find((s) => s.id === id)).filter((s) => s !== undefined);
  const citable = sources.filter((s) => !value.includes(s.id));

  async function create() {
    if (!caseId) return;
    const { result, action } = await recordUndoable(db, caseId, () => createSource(db, caseId, sourceFields(draft)));
    if (!result.ok) {
      refuse(result.issues);
      return;
    }
    if (action) pushUndoable(action);
    onChange([...value, result.value.id]);
    setDraft(EMPTY_SOURCE);
    setCreating(false);
  }

  const onInlineKey = (event: KeyboardEvent) => {
    // Enter in the inline fields creates the source instead of saving the whole form.
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      void create();
    }
  };

  return (
    <fieldset className="source-picker">
      <legend>{label}</legend>
      {cited.length === 0 ? (
        <p className="hint">{t('editing.noSourcesCited')}</p>
      ) : (
        <ul className="cited-sources">
          {cited.map((source) => (
            <li key={source.id}>
              {t('editing.citation', { title: source.title, reliability: source.reliability })}{' '}
              <button
                type="button"
                className="button quiet"
                aria-label={t('editing.removeSource', { title: source.title })}
                onClick={() => onChange(value.filter((id) => id !== source.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {citable.length > 0 && (
        <div className="field">
          <label htmlFor={`${base}-cite`}>{t('editing.addSource')}</label>
          <select
            id={`${base}-cite`}
            value=""
            onChange={(event) => {
              if (event.target.value) onChange([...value, event.target.value]);
            }}
          >
            <option value="">{t('editing.chooseSource')}</option>
            {citable.map((source) => (
              <option key={source.id} value={source.id}>
                {t('editing.citation', { title: source.title, reliability: source.reliability })}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" className="button quiet" aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
        {t('editing.createSourceInline')}
      </button>
      {creating && (
        // Not a nested <form> (invalid HTML): a group whose Enter key and button create the source.
        <div ref={inline} className="inline-source" role="group" aria-label={t('editing.createSourceInline')} onKeyDown={onInlineKey}>
          {issues.length > 0 && <p className="form-summary" tabIndex={-1}>{t('editing.errorSummary')}</p>}
          <SourceFields base={`${base}-new`} draft={draft} onChange={setDraft} issueFor={issueFor} withNotes={false} />
          <button type="button" className="button secondary" onClick={() => void create()}>
            {t('editing.createSourceSubmit')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
