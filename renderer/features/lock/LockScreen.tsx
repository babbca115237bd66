import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { keychainAvailability, setUpVault, unlockWithKeychain, unlockWorkstation, type LockStore, type VaultOutcome, type VaultStart } from '../../db';
import { getBridge } from '../../platform/bridge';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { runVaultKdf } from '../../workers/vault-kdf-client';
import { passphraseProblemText } from './passphrase-problem';
import { RecoveryPanel } from './RecoveryPanel';
import './lock-screen.css';

type Problem = { kind: 'outcome'; outcome: Exclude<VaultOutcome, { ok: true }> } | { kind: 'mismatch' } | { kind: 'keychain' };

/**
 * What Vigía shows before a case can be seen: the first setup of the workstation's passphrase (with
 * the move of plain cases into the sealed database announced), or the unlock. The passphrase work
 * runs in a worker; the screen says what it is doing and why an attempt was refused.
 */
export function LockScreen({ start, lock, onUnlocked }: { start: VaultStart; lock: LockStore; onUnlocked(vaultKey: Uint8Array): void }) {
  const { t } = useTranslation();
  const ids = { passphrase: useId(), repeat: useId(), hint: useId(), problem: useId() };
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [recovering, setRecovering] = useState(false);
  const waitSeconds = useCountdown(problem?.kind === 'outcome' && 'waitMs' in problem.outcome ? problem.outcome.waitMs : 0);
  const settingUp = start.kind === 'new';
  const keychain = useKeychainOffer(lock, !settingUp);

  const withKeychain = () => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    void unlockWithKeychain(lock, getBridge())
      .catch(() => ({ ok: false as const, reason: 'keychain_unusable' as const }))
      .then((outcome) => {
        setBusy(false);
        if (outcome.ok) onUnlocked(outcome.vaultKey);
        else setProblem({ kind: 'keychain' });
      });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (settingUp && passphrase !== repeat) {
      setProblem({ kind: 'mismatch' });
      return;
    }
    setBusy(true);
    setProblem(undefined);
    // Benchmarks time the unlock from here to `vigia:unlocked` (App.tsx): Argon2id in its worker and the unwrap.
    performance.mark('vigia:unlocking');
    const attempt = settingUp ? setUpVault(lock, passphrase, runVaultKdf) : unlockWorkstation(lock, passphrase, runVaultKdf);
    attempt
      .catch((): VaultOutcome => ({ ok: false, reason: 'failed' }))
      .then((outcome) => {
        setBusy(false);
        if (outcome.ok) {
          setPassphrase('');
          setRepeat('');
          onUnlocked(outcome.vaultKey);
        } else setProblem({ kind: 'outcome', outcome });
      });
  };

  const message = problemMessage(problem, waitSeconds, t);
  if (recovering) {
    return (
      <main id="main" className="lock-screen">
        <RecoveryPanel lock={lock} onRecovered={onUnlocked} onBack={() => setRecovering(false)} />
      </main>
    );
  }
  return (
    <main id="main" className="lock-screen">
      <form className="lock-card" onSubmit={submit} aria-describedby={message ? ids.problem : undefined}>
        <p className="lock-app-name" aria-hidden="true">
          {t('app.name')}
        </p>
        <h1>{settingUp ? t('lock.setUpTitle') : t('lock.lockedTitle')}</h1>
        <p>{settingUp ? t('lock.setUpIntro') : t('lock.lockedIntro')}</p>
        {start.kind === 'new' && start.plainCases && <p>{t('lock.moveNotice')}</p>}
        {settingUp && <p className="lock-warning">{t('lock.noRecovery')}</p>}
        <div className="field">
          <label htmlFor={ids.passphrase}>{t('lock.passphrase')}</label>
          <input
            id={ids.passphrase}
            type="password"
            value={passphrase}
            // The lock screen is the one place to type: focus starts here.
            autoFocus
            autoComplete={settingUp ? 'new-password' : 'current-password'}
            aria-describedby={settingUp ? ids.hint : undefined}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setPassphrase(event.target.value)}
          />
          {settingUp && (
            <span id={ids.hint} className="hint">
              {t('lock.passphraseHint')}
            </span>
          )}
        </div>
        {settingUp && (
          <div className="field">
            <label htmlFor={ids.repeat}>{t('lock.repeat')}</label>
            <input id={ids.repeat} type="password" value={repeat} autoComplete="new-password" aria-invalid={problem?.kind === 'mismatch' ? true : undefined} onChange={(event) => setRepeat(event.target.value)} />
          </div>
        )}
        <p id={ids.problem} role="alert" className="lock-problem">
          {message}
        </p>
        <p role="status" className="lock-status">
          {busy ? (settingUp ? t('lock.settingUp') : t('lock.unlocking')) : ''}
        </p>
        <button type="submit" className="button primary" disabled={busy || waitSeconds > 0 || passphrase === ''} aria-busy={busy}>
          {settingUp ? t('lock.setUp') : t('lock.unlock')}
        </button>
        {keychain && problem?.kind !== 'keychain' && (
          <button type="button" className="button" disabled={busy} onClick={withKeychain}>
            {t('lock.unlockKeychain')}
          </button>
        )}
        {!settingUp && (
          <button type="button" className="link-button" onClick={() => setRecovering(true)}>
            {t('lock.forgot')}
          </button>
        )}
        <LockScreenLanguage lock={lock} />
      </form>
    </main>
  );
}

function problemMessage(problem: Problem | undefined, waitSeconds: number, t: TFunction): string {
  if (!problem) return '';
  if (problem.kind === 'mismatch') return t('lock.mismatch');
  if (problem.kind === 'keychain') return t('lock.keychainUnusable');
  const { outcome } = problem;
  switch (outcome.reason) {
    case 'rejected':
      return passphraseProblemText(outcome.problem, t);
    case 'wrong_passphrase':
      return waitSeconds > 0 ? `${t('lock.wrong')} ${t('lock.wait', { count: waitSeconds })}` : t('lock.wrong');
    case 'wait':
      return waitSeconds > 0 ? t('lock.wait', { count: waitSeconds }) : '';
    case 'failed':
      return t('lock.failed');
  }
}

/** Whether the lock screen offers the OS keychain (desktop, turned on, within a day of the passphrase). */
function useKeychainOffer(lock: LockStore, unlocking: boolean): boolean {
  const [usable, setUsable] = useState(false);
  useEffect(() => {
    if (!unlocking) return;
    let cancelled = false;
    void keychainAvailability(lock, getBridge()).then((availability) => !cancelled && setUsable(availability === 'usable'));
    return () => {
      cancelled = true;
    };
  }, [lock, unlocking]);
  return usable;
}

/** Whole seconds left of a wait, counting down once a second. */
function useCountdown(waitMs: number): number {
  const [until, setUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const started = Date.now();
    const tick = () => setNow(Date.now());
    const first = window.setTimeout(() => {
      setUntil(started + waitMs);
      tick();
    }, 0);
    const timer = waitMs > 0 ? window.setInterval(tick, 1000) : undefined;
    return () => {
      window.clearTimeout(first);
      if (timer !== undefined) window.clearInterval(timer);
    };
  }, [waitMs]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** The language switch of the lock screen: it changes the language and remembers it for the next lock. */
function LockScreenLanguage({ lock }: { lock: LockStore }) {
  const { i18n } = useTranslation();
  return <LanguageSelect value={i18n.language} onChange={(locale) => void i18n.changeLanguage(locale).then(() => lock.putLocale(locale))} />;
}
