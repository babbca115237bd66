import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { DatabaseContext, openVigiaDatabase, pastStateName, type VigiaDatabase } from '../db';
import { ReportPage } from '../features/report/ReportPage';
import { readReportHash } from '../features/report/report-link';
import { startWorkstation } from './startup';

/**
 * The report page on its own (index.html#report?…): the workstation's database and language, and
 * nothing of the workstation around it, so that what prints is the report alone.
 */
export function ReportApp({ i18n, hash }: { i18n: i18n; hash: string }) {
  const [db, setDb] = useState<VigiaDatabase | null | undefined>(undefined);
  // Read once: a new object on every render would make the page prepare the report again.
  const params = useMemo(() => readReportHash(hash), [hash]);
  useEffect(() => {
    startWorkstation(i18n)
      .then(async (startup) => {
        if (!params?.knownOn) return startup.db;
        // A report of a past state reads the past the workstation has on screen, and only that day's.
        const past = await openVigiaDatabase(pastStateName(startup.db.name));
        if (past.knownOn !== params.knownOn) throw new Error('the past state on screen is of another day');
        return past;
      })
      .then(setDb, () => setDb(null));
  }, [i18n, params]);
  return (
    <I18nextProvider i18n={i18n}>
      {!params || db === null ? (
        <main className="report-page">
          <p role="alert">{i18n.t(!params ? 'report.page.invalid' : 'app.startFailed')}</p>
        </main>
      ) : db ? (
        <DatabaseContext.Provider value={db}>
          <ReportPage params={params} />
        </DatabaseContext.Provider>
      ) : (
        <main className="report-page">
          <p aria-busy="true">{i18n.t('report.page.loading')}</p>
        </main>
      )}
    </I18nextProvider>
  );
}
