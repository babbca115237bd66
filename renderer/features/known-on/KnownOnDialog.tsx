import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate, type Case } from '../../../shared/model';
import { localToday } from '../../i18n/formatters';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { ChangesBetween } from './ChangesBetween';
import './known-on.css';

/**
 * Asks for the day whose end the case is shown as known at (this workstation's records, read-only),
 * and what changed between two days.
 */
export function KnownOnDialog({ openCase }: { openCase: Case }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'knownOn') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <ModalDialog open={open} onClose={() => closeDialog('knownOn')} title={t('knownOn.dialogTitle')} markedCase={openCase}>
      <KnownOnForm />
      <ChangesBetween caseId={openCase.id} />
    </ModalDialog>
  );
}

function KnownOnForm() {
  const { t } = useTranslation();
  const id = useId();
  const current = useUiStore((s) => s.knownOn);
  const setKnownOn = useUiStore((s) => s.setKnownOn);
  const [day, setDay] = useState<string>(current ?? '');
  const [invalid, setInvalid] = useState(false);
  const today = localToday();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isIsoDate(day) || day > today) {
      setInvalid(true);
      return;
    }
    setKnownOn(day);
  };
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('knownOn.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-day`}>{t('knownOn.day')}</label>
        <input
          id={`${id}-day`}
          type="date"
          value={day}
          max={today}
          data-autofocus
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${id}-error` : undefined}
          onChange={(e) => {
            setDay(e.target.value);
            setInvalid(false);
          }}
        />
        {invalid && (
          <p id={`${id}-error`} className="field-error">
            {t('knownOn.invalidDay')}
          </p>
        )}
      </div>
      <div className="records-actions">
        <button type="submit" className="button primary">
          {t('knownOn.show')}
        </button>
      </div>
    </form>
  );
}
