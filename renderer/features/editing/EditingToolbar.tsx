import { useTranslation } from 'react-i18next';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { EditorHost } from './EditorHost';
import { SourcesDialog } from './SourcesDialog';
import { ariaKeyShortcuts, useCommand } from '../../commands';
import { useUndoRedo } from './use-undo-redo';
import './editing.css';

/**
 * The open case's editing tools in the header: a new person or source, the case's sources, undo and redo (also
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z), and the editor dialogs themselves. The undo history belongs to the
 * case and lives in the store: closing or switching cases forgets it (case-slice.ts), while this
 * toolbar unmounting (a narrower layout, a re-render of the header) does not.
 */
export function EditingToolbar({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const openEditor = useUiStore((s) => s.openEditor);
  const openDialog = useUiStore((s) => s.openDialog);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const sourcesOpen = useUiStore((s) => openDialogOf(s, 'sources') !== undefined);
  const { canUndo, canRedo, status, undo, redo } = useUndoRedo();
  useCommand('undo', () => void undo());
  useCommand('redo', () => void redo());

  return (
    <>
    <div className="editing-toolbar" role="toolbar" aria-label={t('editing.toolbarLabel')}>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'person' })}>
        {t('editing.newPerson')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'source' })}>
        {t('editing.newSource')}
      </button>
      <button type="button" className="button quiet" aria-haspopup="dialog" onClick={() => openDialog({ kind: 'sources' })}>
        {t('editing.sourcesList')}
      </button>
      <button type="button" className="button quiet" title={t('editing.undoHint')} aria-keyshortcuts={ariaKeyShortcuts('undo')} disabled={!canUndo} onClick={() => void undo()}>
        {t('editing.undo')}
      </button>
      <button
        type="button"
        className="button quiet"
        title={t('editing.redoHint')}
        aria-keyshortcuts={ariaKeyShortcuts('redo')}
        disabled={!canRedo}
        onClick={() => void redo()}
      >
        {t('editing.redo')}
      </button>
      <span className="editing-status" role="status">
        {status ? t(`editing.${status}`) : ''}
      </span>
    </div>
    <SourcesDialog caseId={caseId} open={sourcesOpen} onClose={() => closeDialog('sources')} />
    <EditorHost />
    </>
  );
}
