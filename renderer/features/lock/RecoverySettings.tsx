import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { recoveryState, removeRecovery, setUpRecovery, useLiveDatabase, workstationLockStore } from '../../db';

type Message = { text: string; error: boolean };

/**
 * Recovery by the unit, in the lock settings: off by default, and then the settings say plainly that
 * a forgotten passphrase loses the cases; on, they say for which unit key and since when.
 */
export function RecoverySettings() {
  const { t, i18n } = useTranslation();
  const db = useLiveDatabase();
  const id = useId();
  const [state, setState] = useState<{ recipient: string; madeAt: number } | null>();
  const [recipient, setRecipient] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>();

  const refresh = useCallback(() => recoveryState(workstationLockStore()).then(setState, () => setState(null)), []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (state === undefined) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const vaultKey = db.address.vaultKey;
    if (busy || !vaultKey) return;
    setBusy(true);
    const outcome = await setUpRecovery(workstationLockStore(), vaultKey, recipient).catch(() => ({ ok: false as const, reason: 'failed' as const }));
    setBusy(false);
    if (outcome.ok) {
      setRecipient('');
      setMessage({ text: t('lock.recoverySaved'), error: false });
      await refresh();
    } else setMessage({ text: outcome.reason === 'invalid_recipient' ? t('lock.recoveryInvalid') : t('lock.recoveryFailed'), error: true });
  };

  const remove = async () => {
    await removeRecovery(workstationLockStore());
    setMessage({ text: t('lock.recoveryRemoved'), error: false });
    await refresh();
  };

  const date = state && new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(state.madeAt);
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('lock.recoverySettingsTitle')}</h3>
      {state ? <p>{t('lock.recoveryOn', { date, recipient: state.recipient })}</p> : <p className="lock-warning">{t('lock.recoveryOff')}</p>}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-recipient`}>{t('lock.recoveryRecipient')}</label>
          <input
            id={`${id}-recipient`}
            value={recipient}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`${id}-hint`}
            aria-invalid={message?.error ? true : undefined}
            onChange={(event) => {
              setRecipient(event.target.value);
              setMessage(undefined);
            }}
          />
          <span id={`${id}-hint`} className="hint">
            {t('lock.recoveryRecipientHint')}
          </span>
        </div>
        <div className="records-actions">
          <button type="submit" className="button primary" disabled={busy || recipient.trim() === ''} aria-busy={busy}>
            {state ? t('lock.recoveryChange') : t('lock.recoveryTurnOn')}
          </button>
          {state && (
            <button type="button" className="button" onClick={() => void remove()}>
              {t('lock.recoveryRemove')}
            </button>
          )}
          <span role={message?.error ? 'alert' : 'status'} className={message?.error ? 'field-error' : undefined}>
            {message?.text ?? ''}
          </span>
        </div>
      </form>
    </section>
  );
}
