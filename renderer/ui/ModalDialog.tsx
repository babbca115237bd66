import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../shared/model';
import { usePastDay } from '../db';
import { useFormatters } from '../i18n/formatters';
import { MarkingBanner } from './MarkingBanner';

interface ModalDialogProps {
  open: boolean;
  onClose(): void;
  title: string;
  /** The case the dialog is about: its marking heads the dialog, as on every screen of the case. */
  markedCase?: Pick<Case, 'marking' | 'synthetic'> | undefined;
  className?: string;
  children: ReactNode;
}

/**
 * A native modal <dialog>: the browser traps focus, Esc closes it and focus returns to where it was.
 * The element marked `data-autofocus` gets focus when it opens.
 * The case's classification banner is repeated inside, because the modal covers the header's.
 */
export function ModalDialog({ open, onClose, title, markedCase, className, children }: ModalDialogProps) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // A past state is marked in every dialog too: the modal covers the banner under the header.
  const pastDay = usePastDay();
  const format = useFormatters();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      // showModal focuses the first focusable element (the close button); a dialog with a main
      // field marks it so typing can start at once.
      element.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className={`records-dialog ${className ?? ''}`} aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          {markedCase && <MarkingBanner marking={markedCase.marking} synthetic={markedCase.synthetic} />}
          {pastDay && (
            <p className="past-state-line" data-testid="dialog-past-state">
              {t('knownOn.dialogLine', { date: format.date(pastDay) })}
            </p>
          )}
          <div className="records-dialog-head">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="button quiet" aria-label={t('records.dialog.close')} onClick={onClose}>
              ×
            </button>
          </div>
          <div className="records-dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
