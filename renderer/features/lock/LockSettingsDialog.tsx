import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/model';
import {
  changeWorkstationPassphrase,
  disableKeychainUnlock,
  enableKeychainUnlock,
  getSetting,
  IDLE_LOCK_MINUTES,
  keychainAvailability,
  setSetting,
  useLiveDatabase,
  workstationLockStore,
} from '../../db';
import { getBridge } from '../../platform/bridge';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';
import { ModalDialog } from '../../ui/ModalDialog';
import { runVaultKdf } from '../../workers/vault-kdf-client';
import { passphraseProblemText } from './passphrase-problem';
import { RecoverySettings } from './RecoverySettings';

/** The workstation's lock: after how many idle minutes, a new passphrase for the same key, recovery by the unit, the keychain. */
export function LockSettingsDialog({ openCase }: { openCase: Case | undefined }) {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'lockSettings') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  return (
    <ModalDialog open={open} onClose={() => closeDialog('lockSettings')} title={t('lock.settingsTitle')} markedCase={openCase}>
      <IdleMinutes />
      <ChangePassphrase />
      <RecoverySettings />
      {getBridge().sealSecret && <KeychainSlot />}
    </ModalDialog>
  );
}

function IdleMinutes() {
  const db = useLiveDatabase();
  const stored = useLiveQuery(() => getSetting(db, 'idleLockMinutes'), [db]);
  return stored === undefined ? null : <IdleMinutesForm initial={stored} />;
}

function IdleMinutesForm({ initial }: { initial: number }) {
  const { t } = useTranslation();
  const db = useLiveDatabase();
  const id = useId();
  const [text, setText] = useState(String(initial));
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const minutes = Number(text.trim());
    const result = /^\d+$/.test(text.trim()) ? await setSetting(db, 'idleLockMinutes', minutes) : undefined;
    setMessage(result?.ok ? { text: t('lock.idleSaved', { count: result.value }), error: false } : { text: t('lock.idleInvalid'), error: true });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={id}>{t('lock.idleMinutes')}</label>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={IDLE_LOCK_MINUTES.min}
          max={IDLE_LOCK_MINUTES.max}
          value={text}
          data-autofocus
          aria-invalid={message?.error ? true : undefined}
          aria-describedby={`${id}-hint ${id}-message`}
          onChange={(event) => {
            setText(event.target.value);
            setMessage(undefined);
          }}
        />
        <span id={`${id}-hint`} className="hint">
          {t('lock.idleMinutesHint')}
        </span>
      </div>
      <div className="records-actions">
        <button type="submit" className="button primary">
          {t('lock.saveIdle')}
        </button>
        <span id={`${id}-message`} role={message?.error ? 'alert' : 'status'} className={message?.error ? 'field-error' : undefined}>
          {message?.text ?? ''}
        </span>
      </div>
    </form>
  );
}

function ChangePassphrase() {
  const { t } = useTranslation();
  const ids = { current: useId(), next: useId(), repeat: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (next !== repeat) {
      setMessage({ text: t('lock.mismatch'), error: true });
      return;
    }
    setBusy(true);
    setMessage({ text: t('lock.changing'), error: false });
    const outcome = await changeWorkstationPassphrase(workstationLockStore(), current, next, runVaultKdf).catch(() => ({ ok: false as const, reason: 'failed' as const }));
    setBusy(false);
    if (outcome.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
      setMessage({ text: t('lock.changed'), error: false });
    } else if (outcome.reason === 'rejected') {
      setMessage({ text: passphraseProblemText(outcome.problem, t), error: true });
    } else setMessage({ text: outcome.reason === 'wrong_passphrase' ? t('lock.wrong') : t('lock.failed'), error: true });
  }

  const field = (fieldId: string, label: string, value: string, set: (value: string) => void, autoComplete: string) => (
    <div className="field">
      <label htmlFor={fieldId}>{label}</label>
      <input id={fieldId} type="password" value={value} autoComplete={autoComplete} onChange={(event) => set(event.target.value)} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      <h3>{t('lock.changeTitle')}</h3>
      <p>{t('lock.changeIntro')}</p>
      {field(ids.current, t('lock.current'), current, setCurrent, 'current-password')}
      {field(ids.next, t('lock.next'), next, setNext, 'new-password')}
      {field(ids.repeat, t('lock.repeat'), repeat, setRepeat, 'new-password')}
      <div className="records-actions">
        <button type="submit" className="button primary" disabled={busy || current === '' || next === ''} aria-busy={busy}>
          {t('lock.change')}
        </button>
        <span role={message?.error ? 'alert' : 'status'}>{message?.text ?? ''}</span>
      </div>
    </form>
  );
}

/** Desktop only: the OS keychain as a second way in, off by default; the passphrase still daily. */
function KeychainSlot() {
  const { t } = useTranslation();
  const db = useLiveDatabase();
  const id = useId();
  const [on, setOn] = useState<boolean>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  useEffect(() => {
    let cancelled = false;
    void keychainAvailability(workstationLockStore(), getBridge()).then((availability) => !cancelled && setOn(availability === 'usable' || availability === 'passphrase_due'));
    return () => {
      cancelled = true;
    };
  }, []);
  if (on === undefined) return null;

  const toggle = async (wanted: boolean) => {
    const lock = workstationLockStore();
    if (!wanted) {
      await disableKeychainUnlock(lock);
      setOn(false);
      setMessage({ text: t('lock.keychainDisabled'), error: false });
      return;
    }
    const vaultKey = db.address.vaultKey;
    const outcome = vaultKey ? await enableKeychainUnlock(lock, getBridge(), vaultKey) : ({ ok: false, reason: 'failed' } as const);
    if (outcome.ok) {
      setOn(true);
      setMessage({ text: t('lock.keychainEnabled'), error: false });
    } else {
      const refused = { basic_text: t('lock.keychainRefused.basic_text'), unavailable: t('lock.keychainRefused.unavailable'), failed: t('lock.keychainRefused.failed') };
      setMessage({ text: refused[outcome.reason], error: true });
    }
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('lock.keychainTitle')}</h3>
      <p>{t('lock.keychainIntro')}</p>
      <label>
        <input type="checkbox" checked={on} onChange={(event) => void toggle(event.target.checked)} /> {t('lock.keychainOn')}
      </label>
      <p role={message?.error ? 'alert' : 'status'}>{message?.text ?? ''}</p>
    </section>
  );
}
