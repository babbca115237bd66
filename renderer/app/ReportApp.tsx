import { useEffect, useMemo, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n } from 'i18next';
import { DatabaseContext, DEFAULT_DATABASE_NAME, openVigiaDatabase, pastStateName, type VigiaDatabase } from '../db';
import { requestKeyForReport } from '../features/lock/report-key';
import { ReportPage } from '../features/report/ReportPage';
import { readReportHash } from '../features/report/report-link';
import { applyWorkstation } from './startup';

/**
 * The report page on its own (index.html#report?…): the workstation's database and language, and
 * nothing of the workstation around it, so that what prints is the report alone.
 */
export function ReportApp({ i18n, hash }: { i18n: i18n; hash: string }) {
  const [db, setDb] = useState<VigiaDatabase | null | undefined>(undefined);
  // Read once: a new object on every render would make the page prepare the report again.
  const params = useMemo(() => readReportHash(hash), [hash]);
  useEffect(() => {
    // The sealed database opens with the key the (unlocked) window that asked for this report offers.
    requestKeyForReport(hash)
      .then((vaultKey) => openVigiaDatabase({ name: DEFAULT_DATABASE_NAME, vaultKey }))
      .then(async (db) => {
        await applyWorkstation(i18n, db);
        if (!params?.knownOn) return db;
        // A report of a past state reads the past the workstation has on screen, and only that day's.
        const past = await openVigiaDatabase(db.addressOf(pastStateName(db.name)));
        if (past.knownOn !== params.knownOn) throw new Error('the past state on screen is of another day');
        return past;
      })
      .then(setDb, () => setDb(null));
  }, [i18n, params, hash]);
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
