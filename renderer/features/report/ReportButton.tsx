import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { ReportDialog } from './ReportDialog';

/** The header menu's "Case report…" and its dialog; a fresh form each time it opens. */
export function ReportButton({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'report') !== undefined);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const [session, setSession] = useState(0);
  return (
    <>
      <button
        type="button"
        className="button quiet"
        onClick={() => {
          setSession((n) => n + 1);
          openDialog({ kind: 'report' });
        }}
      >
        {t('report.open')}
      </button>
      <ModalDialog open={open} onClose={() => closeDialog('report')} title={t('report.title')} markedCase={openCase} className="export-dialog">
        {open && <ReportDialog key={session} openCase={openCase} />}
      </ModalDialog>
    </>
  );
}
