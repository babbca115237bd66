import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DatabaseContext, getCase, LiveDatabaseContext, useDatabase } from '../db';
import { CasePicker } from '../features/cases/CasePicker';
import { useCaseBeingStored } from '../features/network/case-being-stored';
import { useNetworkKeeper } from '../features/network/use-network-keeper';
import { CaseWorkspace } from '../features/cases/CaseWorkspace';
import { AboutDialog } from '../features/shell/AboutDialog';
import { DamagedRecordsBanner } from '../features/damaged-records/DamagedRecordsBanner';
import { WorkspaceFailure } from '../features/damaged-records/WorkspaceFailure';
import { KnownOnDialog } from '../features/known-on/KnownOnDialog';
import { PastStateBanner } from '../features/known-on/PastStateBanner';
import { usePastState } from '../features/known-on/use-past-state';
import { AppHeader } from '../features/shell/AppHeader';
import { useWorkstationCommands } from '../features/shell/use-workstation-commands';
import { useWorkstationLock } from '../features/lock/use-workstation-lock';
import { useCommandKeys, useMenuBridge } from '../commands';
import { useUiStore } from '../store/ui-store';
import { ErrorBoundary } from '../ui/ErrorBoundary';

/** The whole window: header with the marking, then either the open case or the case picker. */
export function Workstation() {
  const { t } = useTranslation();
  const db = useDatabase();
  const openCaseId = useUiStore((s) => s.openCaseId);
  const knownOn = useUiStore((s) => s.knownOn);
  // undefined while reading; null when no case is open or it no longer exists.
  const read = useLiveQuery(async () => (openCaseId ? ((await getCase(db, openCaseId)) ?? null) : null), [db, openCaseId]);
  // A new case still being stored by its worker is shown from what the worker generated (case-being-stored.ts)
  // until the page's own reads have taken over: meanwhile `read` may still be the "no case" of before the
  // case was opened, and falling back to it would take the workspace (and its commands) off the screen.
  const storing = useCaseBeingStored(openCaseId ?? '');
  const openCase = storing ? (read ?? storing.network.case) : read;
  // One keyboard handler and one menu listener for the whole command table; features register what each command does.
  useCommandKeys();
  useMenuBridge();
  useWorkstationCommands();
  useWorkstationLock();

  useEffect(() => {
    document.title = openCase ? `${openCase.name} — ${t('app.name')}` : t('app.name');
  }, [openCase, t]);

  // A past state of the open case replaces the live database for every screen and worker below;
  // what the journal must note (an export) still goes to the live one.
  const past = usePastState(db, openCase?.id, knownOn);
  const shown = past.status === 'ready' ? past.db : db;
  // Every other case stays ready to open from its cache; the workspace keeps the live open case's own.
  useNetworkKeeper(db, past.status === 'present' ? openCase?.id : undefined);

  return (
    <LiveDatabaseContext.Provider value={db}>
      <DatabaseContext.Provider value={shown}>
        <div className="workstation">
          <AppHeader openCase={openCase ?? undefined} />
          <DamagedRecordsBanner />
          {past.status === 'ready' && <PastStateBanner state={past} />}
          {openCase && past.status !== 'present' && past.status !== 'ready' ? (
            <main id="main" className="past-state-waiting" tabIndex={-1} aria-busy={past.status === 'building'}>
              <PastStateBanner state={past} />
            </main>
          ) : openCase ? (
            <ErrorBoundary key={`${openCase.id}:${shown.openedAs}`} fallback={(error, retry) => <WorkspaceFailure error={error} onRetry={retry} />}>
              <CaseWorkspace caseId={openCase.id} />
            </ErrorBoundary>
          ) : openCase === null ? (
            <CasePicker />
          ) : null}
          {openCase && <KnownOnDialog openCase={openCase} />}
          <AboutDialog />
        </div>
      </DatabaseContext.Provider>
    </LiveDatabaseContext.Provider>
  );
}
