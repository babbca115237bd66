import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { ImportWizard } from './ImportWizard';
import './import.css';

/** The header's Import button and its dialog (one of the store's dialogs); the wizard's state is its own until it closes. */
export function ImportButton({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'import') !== undefined);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const close = () => closeDialog('import');
  // A new wizard each time the dialog opens: nothing of an abandoned import lingers.
  const [session, setSession] = useState(0);
  return (
    <>
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          setSession((n) => n + 1);
          openDialog({ kind: 'import' });
        }}
      >
        {t('import.open')}
      </button>
      <ModalDialog open={open} onClose={close} title={t('import.title')} markedCase={openCase} className="import-dialog">
        {open && <ImportWizard key={session} caseId={openCase.id} onClose={close} />}
      </ModalDialog>
    </>
  );
}
