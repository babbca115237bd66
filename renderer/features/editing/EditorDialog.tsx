import { useId, useLayoutEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../shared/model';
import { useValidationMessage } from '../../ui/validation-message';
import { useUiStore } from '../../store/ui-store';

interface EditorDialogProps {
  title: string;
  form: RefObject<HTMLFormElement | null>;
  onSubmit(): void;
  saving: boolean;
  issues: readonly FieldIssue[];
  /** Problems not shown under a field (e.g. a record that vanished meanwhile): spelled out here. */
  unplacedIssues?: readonly FieldIssue[];
  failed: boolean;
  children: ReactNode;
}

/**
 * A modal editor: a native <dialog>, so focus stays inside and Esc closes it; focus returns to
 * where the analyst was. A refusal keeps the dialog open with everything typed in it.
 */
export function EditorDialog({ title, form, onSubmit, saving, issues, unplacedIssues = [], failed, children }: EditorDialogProps) {
  const { t } = useTranslation();
  const message = useValidationMessage();
  const closeEditor = useUiStore((s) => s.closeEditor);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pendingSource, setPendingSource] = useState(false);

  useLayoutEffect(() => {
    const element = dialog.current;
    const returnFocus = document.activeElement;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A source typed inline but not yet created (or still being created) would be lost on save.
    const inline = form.current?.querySelector<HTMLElement>('.inline-source');
    setPendingSource(!!inline);
    if (inline) {
      inline.querySelector<HTMLElement>('input, select')?.focus();
      return;
    }
    if (!saving) onSubmit();
  };

  return (
    <dialog ref={dialog} className="editor-dialog" aria-labelledby={titleId} onClose={closeEditor}>
      <form ref={form} onSubmit={submit} noValidate>
        <h2 id={titleId}>{title}</h2>
        {issues.length > 0 && (
          <div className="form-summary" role="alert" tabIndex={-1}>
            <p>{t('editing.errorSummary')}</p>
            {unplacedIssues.length > 0 && (
              <ul>
                {unplacedIssues.map((issue) => (
                  <li key={`${issue.path}-${issue.code}`}>{message(issue.code)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {pendingSource && (
          <p className="form-summary" role="alert">
            {t('editing.pendingSource')}
          </p>
        )}
        {failed && (
          <p className="form-summary" role="alert">
            {t('editing.failed')}
          </p>
        )}
        {children}
        <div className="editor-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {t('editing.save')}
          </button>
          <button type="button" className="button quiet" onClick={closeEditor}>
            {t('editing.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
