import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { ModalDialog } from '../records/ModalDialog';
import { ImportWizard } from './ImportWizard';
import './import.css';

/** The header's Import button and its dialog; the dialog's state is its own until it closes. */
export function ImportButton({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // A new wizard each time the dialog opens: nothing of an abandoned import lingers.
  const [session, setSession] = useState(0);
  return (
    <>
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          setSession((n) => n + 1);
          setOpen(true);
        }}
      >
        {t('import.open')}
      </button>
      <ModalDialog open={open} onClose={() => setOpen(false)} title={t('import.title')} markedCase={openCase} className="import-dialog">
        {open && <ImportWizard key={session} caseId={openCase.id} onClose={() => setOpen(false)} />}
      </ModalDialog>
    </>
  );
}
