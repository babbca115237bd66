import { useEffect, useId, useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { recoverWorkstation, recoveryRequest, type LockStore, type RecoveryOutcome } from '../../db';
import { getBridge } from '../../platform/bridge';
import { runVaultKdf } from '../../workers/vault-kdf-client';
import { passphraseProblemText } from './passphrase-problem';

/**
 * "Forgotten the passphrase?": with a recovery slot, the request to take to the unit and the form for
 * the code it reads out and the new passphrase; without one, the plain statement that the cases on
 * this workstation are lost (docs/security.md, "Recovery by the unit").
 */
export function RecoveryPanel({ lock, onRecovered, onBack }: { lock: LockStore; onRecovered(vaultKey: Uint8Array): void; onBack(): void }) {
  const { t } = useTranslation();
  const request = useRecoveryRequest(lock);
  const titleId = useId();
  if (request === undefined) return null;
  return (
    <section className="lock-card" aria-labelledby={titleId}>
      <p className="lock-app-name" aria-hidden="true">
        {t('app.name')}
      </p>
      <h1 id={titleId}>{t('lock.recoveryTitle')}</h1>
      {request === null ? <p className="lock-warning">{t('lock.recoveryNone')}</p> : <RecoverySteps lock={lock} request={request} onRecovered={onRecovered} />}
      <button type="button" className="button" onClick={onBack}>
        {t('lock.backToUnlock')}
      </button>
    </section>
  );
}

function RecoverySteps({ lock, request, onRecovered }: { lock: LockStore; request: string; onRecovered(vaultKey: Uint8Array): void }) {
  const { t } = useTranslation();
  const ids = { request: useId(), code: useId(), codeHint: useId(), next: useId(), repeat: useId(), problem: useId() };
  const [saved, setSaved] = useState('');
  const [code, setCode] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState('');

  const save = async () => {
    const result = await getBridge().saveFile({ suggestedName: 'vigia-recovery-request.age', bytes: new TextEncoder().encode(request) });
    setSaved(result.ok ? t('lock.requestSaved', { name: result.value.name }) : '');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (next !== repeat) {
      setProblem(t('lock.mismatch'));
      return;
    }
    setBusy(true);
    setProblem('');
    void recoverWorkstation(lock, code, next, runVaultKdf)
      .catch((): RecoveryOutcome => ({ ok: false, reason: 'failed' }))
      .then((outcome) => {
        setBusy(false);
        if (outcome.ok) onRecovered(outcome.vaultKey);
        else setProblem(recoveryProblem(outcome, t));
      });
  };

  return (
    <>
      <p>{t('lock.recoveryStep1')}</p>
      <div className="field">
        <label htmlFor={ids.request}>{t('lock.recoveryRequest')}</label>
        <textarea id={ids.request} className="recovery-request" readOnly rows={7} value={request} />
      </div>
      <div className="records-actions">
        <button type="button" className="button" onClick={() => void save()}>
          {t('lock.saveRequest')}
        </button>
        <span role="status">{saved}</span>
      </div>
      <form className="lock-recovery-form" onSubmit={submit} aria-describedby={problem ? ids.problem : undefined}>
        <p>{t('lock.recoveryStep2')}</p>
        <div className="field">
          <label htmlFor={ids.code}>{t('lock.recoveryCode')}</label>
          <input
            id={ids.code}
            value={code}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={ids.codeHint}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setCode(event.target.value)}
          />
          <span id={ids.codeHint} className="hint">
            {t('lock.recoveryCodeHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor={ids.next}>{t('lock.next')}</label>
          <input id={ids.next} type="password" value={next} autoComplete="new-password" onChange={(event) => setNext(event.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={ids.repeat}>{t('lock.repeat')}</label>
          <input id={ids.repeat} type="password" value={repeat} autoComplete="new-password" onChange={(event) => setRepeat(event.target.value)} />
        </div>
        <p id={ids.problem} role="alert" className="lock-problem">
          {problem}
        </p>
        <p role="status" className="lock-status">
          {busy ? t('lock.recovering') : ''}
        </p>
        <button type="submit" className="button primary" disabled={busy || code.trim() === '' || next === ''} aria-busy={busy}>
          {t('lock.recover')}
        </button>
      </form>
    </>
  );
}

function recoveryProblem(outcome: Exclude<RecoveryOutcome, { ok: true }>, t: TFunction): string {
  switch (outcome.reason) {
    case 'wrong_code':
      return t('lock.wrongCode');
    case 'rejected':
      return passphraseProblemText(outcome.problem, t);
    default:
      return t('lock.failed');
  }
}

/** The recovery request (age armor), null when the workstation has no recovery slot; undefined while read. */
function useRecoveryRequest(lock: LockStore): string | null | undefined {
  const [request, setRequest] = useState<string | null>();
  useEffect(() => {
    let cancelled = false;
    void recoveryRequest(lock)
      .catch(() => null)
      .then((text) => !cancelled && setRequest(text));
    return () => {
      cancelled = true;
    };
  }, [lock]);
  return request;
}
