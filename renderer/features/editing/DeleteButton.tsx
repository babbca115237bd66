import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useValidationMessage } from '../../ui/validation-message';
import { useDeleteRecord, type DeletableTable } from './use-delete-record';

/**
 * Delete with a confirmation in place: the first press asks "Delete X? You can undo it." and
 * focuses the confirming button; Esc or Cancel goes back. The deletion is a tombstone, undoable.
 */
export function DeleteButton({ table, id, what }: { table: DeletableTable; id: string; what: string }) {
  const { t } = useTranslation();
  const message = useValidationMessage();
  const deleteRecord = useDeleteRecord();
  const [asking, setAsking] = useState(false);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const confirm = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (asking) confirm.current?.focus();
  }, [asking]);

  const cancel = () => {
    setAsking(false);
    // The ask button is drawn again on the next render; focus it then.
    requestAnimationFrame(() => ask.current?.focus());
  };

  const run = async () => {
    const result = await deleteRecord(table, id);
    if (result.ok) return; // the row disappears with the record
    setAsking(false);
    setRefusal(result.issues.map((issue) => message(issue.code)).join(' '));
  };

  if (!asking) {
    return (
      <>
        <button ref={ask} type="button" className="button quiet" aria-label={t('editing.deleteNamed', { what })} onClick={() => setAsking(true)}>
          {t('editing.deleteAction')}
        </button>
        {refusal && (
          <span role="alert" className="field-issue">
            {t('editing.deleteFailed', { reason: refusal })}
          </span>
        )}
      </>
    );
  }
  return (
    <span
      className="confirm-delete"
      role="group"
      aria-label={t('editing.confirmDelete', { what })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          cancel();
        }
      }}
    >
      {t('editing.confirmDelete', { what })}{' '}
      <button ref={confirm} type="button" className="button danger" onClick={() => void run()}>
        {t('editing.confirmDeleteYes')}
      </button>{' '}
      <button type="button" className="button quiet" onClick={cancel}>
        {t('editing.cancel')}
      </button>
    </span>
  );
}
