import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../app/database-context';
import { loadCaseNetwork } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { AnalysisDock } from '../analysis/AnalysisDock';
import { NetworkView } from '../network/NetworkView';
import { PeopleList } from '../people/PeopleList';
import { PersonPanel } from '../people/PersonPanel';

/** An open case: people on the left, the network in the middle, the selected person's record on the right. */
export function CaseWorkspace({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  const network = useLiveQuery(() => loadCaseNetwork(db, caseId).then((n) => n ?? null), [db, caseId]);
  const selectedPersonId = useUiStore((s) => s.selectedPersonId);
  const panelOpen = useUiStore((s) => s.personPanelOpen);

  if (!network) {
    return (
      <main id="main" className="workspace loading" tabIndex={-1} aria-busy="true">
        <p className="hint">{t('network.loading')}</p>
      </main>
    );
  }
  return (
    <main id="main" className={panelOpen ? 'workspace with-panel' : 'workspace'} tabIndex={-1}>
      <PeopleList persons={network.persons} />
      <NetworkView network={network} />
      <AnalysisDock network={network} />
      {panelOpen && selectedPersonId && <PersonPanel personId={selectedPersonId} />}
    </main>
  );
}
