import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { useUiStore } from '../store/ui-store';
import { DatabaseContext, vaultStart, workstationLockStore, type MoveStep, type VaultStart } from '../db';
import { isLocale } from '../i18n/locales';
import { LockScreen } from '../features/lock/LockScreen';
import { useStartFailureText } from '../features/damaged-records/damaged-record-failure';
import { startWorkstation, type Startup } from './startup';
import { Workstation } from './Workstation';

type Boot =
  | { state: 'starting' }
  | { state: 'locked'; start: VaultStart }
  | { state: 'opening'; step?: MoveStep }
  | { state: 'ready'; startup: Startup }
  | { state: 'failed'; error?: unknown };

function Booting({ failed, error, step }: { failed: boolean; error?: unknown; step?: MoveStep | undefined }) {
  const { t } = useTranslation();
  // A stored record that did not open is named, rather than blamed on other windows.
  const damaged = useStartFailureText(error);
  const text = failed ? (damaged ?? t('app.startFailed')) : step ? t('lock.moving', { table: step.table, done: step.done, total: step.total }) : t('app.loading');
  return (
    <main id="main" className="booting" aria-busy={!failed}>
      <p role={failed ? 'alert' : 'status'}>{text}</p>
      {step && step.total > 0 && <progress max={step.total} value={step.done} aria-label={t('lock.opening')} />}
    </main>
  );
}

/** Nothing of the case while the page is being discarded (features/lock/lock-now.ts). */
function Locking() {
  const { t } = useTranslation();
  return (
    <main id="main" className="lock-screen">
      <p role="status">{t('lock.locking')}</p>
    </main>
  );
}

const lock = workstationLockStore();

/** The lock screen first; once unlocked, the sealed database and the remembered case, then the workstation. */
export function App({ i18n }: { i18n: i18n }) {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  const locking = useUiStore((s) => s.locking);

  useEffect(() => {
    let cancelled = false;
    Promise.all([vaultStart(lock), lock.locale()])
      .then(async ([start, locale]) => {
        if (locale && isLocale(locale) && i18n.language !== locale) await i18n.changeLanguage(locale);
        if (!cancelled) setBoot({ state: 'locked', start });
      })
      .catch((error: unknown) => {
        console.error('start failed:', error);
        if (!cancelled) setBoot({ state: 'failed' });
      });
    return () => {
      cancelled = true;
    };
  }, [i18n]);

  const unlocked = (vaultKey: Uint8Array) => {
    // Benchmarks time an opening from here: the passphrase's own second is the analyst's typing and
    // Argon2id, not the case being drawn.
    performance.mark('vigia:unlocked');
    setBoot({ state: 'opening' });
    startWorkstation(i18n, vaultKey, lock, (step) => setBoot({ state: 'opening', step })).then(
      (startup) => {
        if (startup.reopenCaseId) useUiStore.getState().openCase(startup.reopenCaseId);
        setBoot({ state: 'ready', startup });
      },
      (error: unknown) => {
        console.error('start failed:', error);
        setBoot({ state: 'failed', error });
      },
    );
  };

  return (
    <I18nextProvider i18n={i18n}>
      {locking ? (
        <Locking />
      ) : boot.state === 'ready' ? (
        <DatabaseContext.Provider value={boot.startup.db}>
          <Workstation />
        </DatabaseContext.Provider>
      ) : boot.state === 'locked' ? (
        <LockScreen start={boot.start} lock={lock} onUnlocked={unlocked} />
      ) : (
        <Booting failed={boot.state === 'failed'} error={boot.state === 'failed' ? boot.error : undefined} step={boot.state === 'opening' ? boot.step : undefined} />
      )}
    </I18nextProvider>
  );
}
