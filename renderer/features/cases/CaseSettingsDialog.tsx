import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type Case, type FieldIssue, type Marking } from '../../../shared/model';
import { useDatabase, deleteCase, setCaseArchived, updateCase } from '../../db';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { CaseFields, type CaseFieldName } from './CaseFields';
import { useCaseActions } from './use-case-actions';
import { ModalDialog } from '../../ui/ModalDialog';
import { NotesSection } from '../record-details/NotesSection';

const FIELDS: readonly CaseFieldName[] = ['name', 'description', 'unit', 'openedOn', 'marking'];

function valuesOf(c: Case): Record<CaseFieldName, string> {
  return { name: c.name, description: c.description, unit: c.unit, openedOn: c.openedOn, marking: c.marking };
}

/** Rename and describe the case, set its marking; archive it; delete it (it can be restored until purged). */
export function CaseSettingsDialog({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'caseSettings') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const close = () => closeDialog('caseSettings');
  return (
    <ModalDialog open={open} onClose={close} title={t('records.caseSettings.title')} markedCase={openCase} className="case-settings">
      <CaseForm openCase={openCase} />
      <ArchiveSection openCase={openCase} />
      <DeleteSection openCase={openCase} />
      <div className="records-section">
        <NotesSection caseId={openCase.id} subjectType="case" subjectId={openCase.id} titleKey="records.caseSettings.notesTitle" />
      </div>
    </ModalDialog>
  );
}

function CaseForm({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const id = useId();
  // What the analyst typed stays in the form when a save is refused.
  const [values, setValues] = useState(() => valuesOf(openCase));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');

  const update = (field: CaseFieldName, value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setStatus('idle');
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStatus('saving');
    try {
      const result = await updateCase(db, openCase.id, {
        name: values.name,
        description: values.description,
        unit: values.unit.trim(),
        openedOn: values.openedOn,
        marking: values.marking as Marking,
      });
      if (result.ok) {
        setIssues([]);
        setStatus('saved');
        return;
      }
      setIssues(result.issues);
      setStatus('idle');
      const first = FIELDS.find((field) => result.issues.some((issue) => issue.path === field));
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      else setStatus('failed');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      {issues.length > 0 && (
        <p className="form-summary" role="alert">
          {t('records.caseSettings.errorSummary')}
        </p>
      )}
      {status === 'failed' && (
        <p className="form-summary" role="alert">
          {t('records.caseSettings.failed')}
        </p>
      )}
      <CaseFields
        id={id}
        fields={FIELDS}
        values={values}
        issues={issues}
        onChange={update}
        labels={{
          name: t('records.caseSettings.name'),
          description: t('records.caseSettings.description'),
          unit: t('records.caseSettings.unit'),
          openedOn: t('records.caseSettings.openedOn'),
          marking: t('records.caseSettings.marking'),
        }}
      />
      <div className="records-actions">
        <button type="submit" className="button primary" disabled={status === 'saving'}>
          {t('records.caseSettings.save')}
        </button>
        <span role="status">{status === 'saved' ? t('records.caseSettings.saved') : ''}</span>
      </div>
    </form>
  );
}

function ArchiveSection({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  return (
    <section className="records-section" aria-labelledby="case-archive-title">
      <h3 id="case-archive-title">{t('records.caseSettings.archiveTitle')}</h3>
      <p>{openCase.archived ? t('records.caseSettings.archived') : t('records.caseSettings.notArchived')}</p>
      <button type="button" className="button secondary" onClick={() => void setCaseArchived(db, openCase.id, !openCase.archived)}>
        {openCase.archived ? t('records.caseSettings.unarchive') : t('records.caseSettings.archive')}
      </button>
    </section>
  );
}

function DeleteSection({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const { close } = useCaseActions();
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

  async function remove() {
    const result = await deleteCase(db, openCase.id);
    if (!result.ok) return setFailed(true);
    useUiStore.getState().closeDialog('caseSettings');
    await close();
  }

  return (
    <section className="records-section" aria-labelledby="case-delete-title">
      <h3 id="case-delete-title">{t('records.caseSettings.deleteTitle')}</h3>
      <p>{t('records.caseSettings.deleteIntro')}</p>
      {failed && <p role="alert">{t('records.deletedCases.failed')}</p>}
      {confirming ? (
        <div role="alertdialog" aria-labelledby="case-delete-confirm" className="records-actions">
          <p id="case-delete-confirm" className="records-warning">
            {t('records.caseSettings.deleteConfirm', { name: openCase.name })}
          </p>
          <button type="button" className="button danger" autoFocus onClick={() => void remove()}>
            {t('records.caseSettings.deleteConfirmButton')}
          </button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
            {t('records.dialog.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button secondary" onClick={() => setConfirming(true)}>
          {t('records.caseSettings.delete')}
        </button>
      )}
    </section>
  );
}
