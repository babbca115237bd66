import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase, getSetting, getStoredIdentity, type StoredIdentity } from '../../db';
import type { syncEs } from '../../i18n/areas/sync';
import { getBridge } from '../../platform/bridge';
import { useUiStore } from '../../store/ui-store';
import { createIdentity, hasKeychain, isSealedByVault, unlockIdentity, type IdentityOutcome } from './identity-actions';
import { sessionKey } from './session-key';

/** Keys built from codes: checked against the Spanish strings' keys rather than through i18next's deep types. */
type Translate = (key: `sync.identityError.${keyof typeof syncEs.identityError}`) => string;

function outcomeText(t: Translate, outcome: IdentityOutcome): string | undefined {
  if (outcome.ok) return undefined;
  return t(outcome.code === 'keychain_refused' ? `sync.identityError.keychain_refused_${outcome.reason}` : `sync.identityError.${outcome.code}`);
}

/** Shows its children once this workstation has an identity and this session has unlocked it. */
export function IdentityGate({ children }: { children: (identity: StoredIdentity) => ReactNode }) {
  const db = useDatabase();
  const stored = useLiveQuery(async () => (await getStoredIdentity(db)) ?? null, [db]);
  const unlocked = useUiStore((s) => s.identityUnlocked) && sessionKey() !== undefined;
  if (stored === undefined) return null;
  if (stored === null) return <CreateIdentity />;
  if (!unlocked) return stored.sealedBy === 'vault' ? <OpenFromVault stored={stored} /> : <UnlockIdentity stored={stored} />;
  return <>{children(stored)}</>;
}

function CreateIdentity() {
  const { t } = useTranslation();
  const db = useDatabase();
  const bridge = getBridge();
  const analystName = useLiveQuery(() => getSetting(db, 'analystName'), [db]);
  const [name, setName] = useState<string | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  // Under the vault the workstation's unlock opens the identity too: only a name is asked. Otherwise
  // Electron offers the keychain first; its refusal (or the analyst's choice) switches to a passphrase.
  const underVault = isSealedByVault(db);
  const [withPassphrase, setWithPassphrase] = useState(!hasKeychain(bridge));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    const outcome = await createIdentity(db, bridge, name ?? analystName ?? '', withPassphrase && !underVault ? { value: passphrase, repeat } : undefined);
    setBusy(false);
    if (outcome.ok) useUiStore.getState().setIdentityUnlocked(true);
    else {
      if (outcome.code === 'keychain_refused') setWithPassphrase(true);
      setMessage(outcomeText(t as unknown as Translate, outcome));
    }
  }

  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)}>
      <p>{t('sync.identity.intro')}</p>
      <label>
        {t('sync.identity.name')}
        <input value={name ?? analystName ?? ''} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
      </label>
      {underVault ? (
        <p className="sync-hint">{t('sync.identity.underVault')}</p>
      ) : withPassphrase ? (
        <>
          <label>
            {t('sync.identity.passphrase')}
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="new-password" />
          </label>
          <label>
            {t('sync.identity.repeat')}
            <input type="password" value={repeat} onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" />
          </label>
          <p className="sync-hint">{t('sync.identity.passphraseHint')}</p>
        </>
      ) : (
        <p className="sync-hint">
          {t('sync.identity.keychainIntro')}{' '}
          <button type="button" className="button quiet" onClick={() => setWithPassphrase(true)}>
            {t('sync.identity.usePassphrase')}
          </button>
        </p>
      )}
      {message && <p role="alert" className="form-summary">{message}</p>}
      <button type="submit" className="button primary" disabled={busy}>
        {t('sync.identity.create')}
      </button>
      {busy && <p role="status">{t('sync.identity.creating')}</p>}
    </form>
  );
}

/** An identity under the vault opens by itself: the analyst unlocked the workstation already. */
function OpenFromVault({ stored }: { stored: StoredIdentity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    let cancelled = false;
    void unlockIdentity(db, getBridge(), stored, '').then((outcome) => {
      if (cancelled) return;
      if (outcome.ok) useUiStore.getState().setIdentityUnlocked(true);
      else setMessage(outcomeText(t as unknown as Translate, outcome));
    });
    return () => {
      cancelled = true;
    };
  }, [db, stored, t]);
  return message ? (
    <p role="alert" className="form-summary">
      {message}
    </p>
  ) : (
    <p role="status">{t('sync.identity.unlocking')}</p>
  );
}

function UnlockIdentity({ stored }: { stored: StoredIdentity }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(undefined);
    const outcome = await unlockIdentity(db, getBridge(), stored, passphrase);
    setBusy(false);
    if (outcome.ok) useUiStore.getState().setIdentityUnlocked(true);
    else setMessage(outcomeText(t as unknown as Translate, outcome));
  }

  return (
    <form className="sync-form" onSubmit={(e) => void submit(e)}>
      <p>{t('sync.identity.locked')}</p>
      {stored.sealedBy === 'passphrase' && (
        <label>
          {t('sync.identity.passphrase')}
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} autoComplete="current-password" />
        </label>
      )}
      {message && <p role="alert" className="form-summary">{message}</p>}
      <button type="submit" className="button primary" disabled={busy}>
        {stored.sealedBy === 'passphrase' ? t('sync.identity.unlock') : t('sync.identity.unlockKeychain')}
      </button>
      {busy && <p role="status">{t('sync.identity.unlocking')}</p>}
    </form>
  );
}
