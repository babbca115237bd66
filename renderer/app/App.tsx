import { useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import { useUiStore } from '../store/ui-store';
import { DatabaseContext } from '../db';
import { startWorkstation, type Startup } from './startup';
import { Workstation } from './Workstation';

type Boot = { state: 'starting' } | { state: 'ready'; startup: Startup } | { state: 'failed' };

function Booting({ failed }: { failed: boolean }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="booting" aria-busy={!failed}>
      <p>{failed ? t('app.startFailed') : t('app.loading')}</p>
    </main>
  );
}

/** Opens the database and the remembered case, then shows the workstation. */
export function App({ i18n }: { i18n: i18n }) {
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });

  useEffect(() => {
    let cancelled = false;
    startWorkstation(i18n).then(
      (startup) => {
        if (cancelled) return;
        if (startup.reopenCaseId) useUiStore.getState().openCase(startup.reopenCaseId);
        setBoot({ state: 'ready', startup });
      },
      (error: unknown) => {
        console.error('start failed:', error);
        if (!cancelled) setBoot({ state: 'failed' });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [i18n]);

  return (
    <I18nextProvider i18n={i18n}>
      {boot.state === 'ready' ? (
        <DatabaseContext.Provider value={boot.startup.db}>
          <Workstation />
        </DatabaseContext.Provider>
      ) : (
        <Booting failed={boot.state === 'failed'} />
      )}
    </I18nextProvider>
  );
}
