import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { EditorHost } from './EditorHost';
import { SourcesDialog } from './SourcesDialog';
import { useUndoRedo, useUndoShortcuts } from './use-undo-redo';
import './editing.css';

/**
 * The open case's editing tools in the header: a new person or source, the case's sources, undo and redo (also
 * Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z), and the editor dialogs themselves. The undo history belongs to the
 * case: closing or switching cases forgets it.
 */
export function EditingToolbar({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const openEditor = useUiStore((s) => s.openEditor);
  const clearUndo = useUiStore((s) => s.clearUndo);
  const closeEditor = useUiStore((s) => s.closeEditor);
  const { canUndo, canRedo, status, undo, redo } = useUndoRedo();
  const [sourcesOpen, setSourcesOpen] = useState(false);
  useUndoShortcuts(undo, redo);

  useEffect(
    () => () => {
      clearUndo();
      closeEditor();
    },
    [caseId, clearUndo, closeEditor],
  );

  return (
    <>
    <div className="editing-toolbar" role="toolbar" aria-label={t('editing.toolbarLabel')}>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'person' })}>
        {t('editing.newPerson')}
      </button>
      <button type="button" className="button quiet" onClick={() => openEditor({ kind: 'source' })}>
        {t('editing.newSource')}
      </button>
      <button type="button" className="button quiet" aria-haspopup="dialog" onClick={() => setSourcesOpen(true)}>
        {t('editing.sourcesList')}
      </button>
      <button type="button" className="button quiet" title={t('editing.undoHint')} aria-keyshortcuts="Control+Z Meta+Z" disabled={!canUndo} onClick={() => void undo()}>
        {t('editing.undo')}
      </button>
      <button
        type="button"
        className="button quiet"
        title={t('editing.redoHint')}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z"
        disabled={!canRedo}
        onClick={() => void redo()}
      >
        {t('editing.redo')}
      </button>
      <span className="editing-status" role="status">
        {status ? t(`editing.${status}`) : ''}
      </span>
    </div>
    <SourcesDialog caseId={caseId} open={sourcesOpen} onClose={() => setSourcesOpen(false)} />
    <EditorHost />
    </>
  );
}
