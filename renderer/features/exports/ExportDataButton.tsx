import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { ExportDialog } from './ExportDialog';
import './exports.css';

/** The header menu's "Export for other tools…" and its dialog; a fresh form each time it opens. */
export function ExportDataButton({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'exports') !== undefined);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const [session, setSession] = useState(0);
  const close = () => closeDialog('exports');
  return (
    <>
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          setSession((n) => n + 1);
          openDialog({ kind: 'exports' });
        }}
      >
        {t('exports.open')}
      </button>
      <ModalDialog open={open} onClose={close} title={t('exports.title')} markedCase={openCase} className="export-dialog">
        {open && <ExportDialog key={session} openCase={openCase} />}
      </ModalDialog>
    </>
  );
}
