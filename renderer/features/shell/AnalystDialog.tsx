import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case, FieldIssue } from '../../../shared/model';
import { useDatabase, getSetting, setAnalystName } from '../../db';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { FieldError } from '../../ui/FieldError';
import { ModalDialog } from '../../ui/ModalDialog';

/** The analyst's name on this workstation: what History says under "who". */
export function AnalystDialog({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'analyst') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <ModalDialog open={open} onClose={() => closeDialog('analyst')} title={t('records.analyst.title')} markedCase={openCase}>
      <AnalystForm />
    </ModalDialog>
  );
}

function AnalystForm() {
  const db = useDatabase();
  const stored = useLiveQuery(() => getSetting(db, 'analystName'), [db]);
  return stored === undefined ? null : <AnalystNameField initial={stored} />;
}

function AnalystNameField({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const id = useId();
  const [name, setName] = useState(initial);
  const [issue, setIssue] = useState<FieldIssue | undefined>();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await setAnalystName(db, name);
    setIssue(result.ok ? undefined : result.issues[0]);
    setSaved(result.ok);
  }

  return (
    <form onSubmit={submit} noValidate>
      <p>{t('records.analyst.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('records.analyst.name')}</label>
        <input
          id={`${id}-name`}
          value={name}
          data-autofocus
          autoFocus
          autoComplete="name"
          aria-invalid={issue ? true : undefined}
          aria-describedby={issue ? `${id}-error` : undefined}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(false);
          }}
        />
        <FieldError id={`${id}-error`} issue={issue} />
      </div>
      <div className="records-actions">
        <button type="submit" className="button primary">
          {t('records.analyst.save')}
        </button>
        <span role="status">{saved ? t('records.analyst.saved') : ''}</span>
      </div>
    </form>
  );
}
