import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRISONS_ES } from '../../../shared/gazetteer';
import type { Case, Prison } from '../../../shared/model';
import { useDatabase, addGazetteerPrison, recordUndoable } from '../../db';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { PrisonForm } from './PrisonForm';
import './prisons.css';

/** The header's "Prisons" button and the dialog it opens. */
export function PrisonsButton({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'prisons') !== undefined);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <>
      <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'prisons' })}>
        {t('prisons.open')}
      </button>
      <ModalDialog open={open} onClose={() => closeDialog('prisons')} title={t('prisons.title')} markedCase={openCase}>
        <CasePrisons caseId={openCase.id} />
      </ModalDialog>
    </>
  );
}

type Editing = { mode: 'list' } | { mode: 'new' } | { mode: 'edit'; prison: Prison };

/** The case's prisons: from the built-in gazetteer or the analyst's own, with their modules. */
function CasePrisons({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const db = useDatabase();
  const pushUndoable = useUiStore((s) => s.pushUndoable);
  const id = useId();
  const [editing, setEditing] = useState<Editing>({ mode: 'list' });
  const [gazetteerId, setGazetteerId] = useState('');
  const prisons = useLiveQuery(
    () => db.prisons.where('caseId').equals(caseId).filter((p) => !p.deleted).toArray(),
    [db, caseId],
  );
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const sorted = useMemo(() => [...(prisons ?? [])].sort((a, b) => collator.compare(a.name, b.name)), [prisons, collator]);
  const inCase = useMemo(() => new Set(sorted.map((p) => p.gazetteerId)), [sorted]);
  const offered = useMemo(() => PRISONS_ES.filter((p) => !inCase.has(p.id)), [inCase]);

  async function addFromGazetteer() {
    if (!gazetteerId) return;
    const { result, action } = await recordUndoable(db, caseId, () => addGazetteerPrison(db, caseId, gazetteerId));
    if (result.ok) {
      if (action) pushUndoable(action);
      setGazetteerId('');
    }
  }

  if (editing.mode !== 'list') {
    return <PrisonForm caseId={caseId} prison={editing.mode === 'edit' ? editing.prison : undefined} onDone={() => setEditing({ mode: 'list' })} />;
  }
  return (
    <div className="case-prisons">
      {sorted.length === 0 && <p className="hint">{t('prisons.empty')}</p>}
      <ul className="prison-list">
        {sorted.map((prison) => (
          <li key={prison.id}>
            <div>
              <strong>{prison.name}</strong>{' '}
              <span className="hint">
                {[prison.province, prison.gazetteerId ? t('prisons.fromGazetteer') : t('prisons.ownPrison')].filter(Boolean).join(' · ')}
              </span>
            </div>
            <div className="hint">
              {prison.modules.length === 0 ? t('prisons.modulesNone') : `${t('prisons.modulesCount', { count: prison.modules.length })}: ${prison.modules.join(', ')}`}
            </div>
            <button type="button" className="button quiet" aria-label={t('prisons.editNamed', { name: prison.name })} onClick={() => setEditing({ mode: 'edit', prison })}>
              {t('prisons.edit')}
            </button>
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>{t('prisons.addFromGazetteer')}</legend>
        <label htmlFor={`${id}-gazetteer`}>{t('prisons.gazetteerChoice')}</label>
        <select id={`${id}-gazetteer`} value={gazetteerId} onChange={(e) => setGazetteerId(e.target.value)}>
          <option value="">{t('prisons.chooseGazetteer')}</option>
          {offered.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.province})
            </option>
          ))}
        </select>
        <button type="button" className="button secondary" disabled={!gazetteerId} onClick={() => void addFromGazetteer()}>
          {t('prisons.add')}
        </button>
      </fieldset>
      <button type="button" className="button" data-autofocus onClick={() => setEditing({ mode: 'new' })}>
        {t('prisons.newPrison')}
      </button>
    </div>
  );
}
