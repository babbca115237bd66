import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getCase, useDatabase } from '../db';
import { CasePicker } from '../features/cases/CasePicker';
import { CaseWorkspace } from '../features/cases/CaseWorkspace';
import { AboutDialog } from '../features/shell/AboutDialog';
import { AppHeader } from '../features/shell/AppHeader';
import { useWorkstationCommands } from '../features/shell/use-workstation-commands';
import { useCommandKeys, useMenuBridge } from '../commands';
import { useUiStore } from '../store/ui-store';

/** The whole window: header with the marking, then either the open case or the case picker. */
export function Workstation() {
  const { t } = useTranslation();
  const db = useDatabase();
  const openCaseId = useUiStore((s) => s.openCaseId);
  // undefined while reading; null when no case is open or it no longer exists.
  const openCase = useLiveQuery(async () => (openCaseId ? ((await getCase(db, openCaseId)) ?? null) : null), [db, openCaseId]);
  // One keyboard handler and one menu listener for the whole command table; features register what each command does.
  useCommandKeys();
  useMenuBridge();
  useWorkstationCommands();

  useEffect(() => {
    document.title = openCase ? `${openCase.name} — ${t('app.name')}` : t('app.name');
  }, [openCase, t]);

  return (
    <div className="workstation">
      <AppHeader openCase={openCase ?? undefined} />
      {openCase ? <CaseWorkspace key={openCase.id} caseId={openCase.id} /> : openCase === null ? <CasePicker /> : null}
      <AboutDialog />
    </div>
  );
}
