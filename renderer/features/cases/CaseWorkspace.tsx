import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { AnalysisDock } from '../analysis/AnalysisDock';
import { NetworkOverview } from '../network/NetworkOverview';
import { NetworkView } from '../network/NetworkView';
import { useCaseOpening } from '../network/use-case-opening';
import { PeopleList } from '../people/PeopleList';
import { PersonPanel } from '../people/PersonPanel';
import { TimelineView } from '../timeline/TimelineView';
import { useCaseBeingStored } from '../network/case-being-stored';
import { DemoProgressBar } from './DemoProgressBar';
import { PaneSwitcher } from './PaneSwitcher';

/**
 * An open case: people on the left, the network or the timeline in the middle (the analyst switches),
 * the selected person's record on the right.
 */
export function CaseWorkspace({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const db = useDatabase();
  // A large case shows its prisons first, then its people and links (use-case-opening.ts).
  const { network, overview, onOverviewDrawn } = useCaseOpening(db, caseId);
  // Drawn while its worker still writes it (case-being-stored.ts): busy until stored.
  const storing = useCaseBeingStored(caseId);
  const beingStored = storing !== undefined && storing.stateKey === undefined;
  const demoProgress = useUiStore((s) => s.demoProgress);
  const selectedPersonId = useUiStore((s) => s.selectedPersonId);
  const panelOpen = useUiStore((s) => s.personPanelOpen);
  const pane = useUiStore((s) => s.workspacePane);
  const restoreNetworkView = useUiStore((s) => s.restoreNetworkView);
  // Another case starts from the network's default look. Here, not in the network view: switching to
  // the timeline and back remounts the view, and must keep the date the timeline set.
  useEffect(() => restoreNetworkView(), [caseId, restoreNetworkView]);
  // The analytics worker starts once the network is drawn: on two cores it would slow the first drawing.
  const [drawnCaseId, setDrawnCaseId] = useState<string>();
  const onNetworkDrawn = useCallback(() => setDrawnCaseId(caseId), [caseId]);

  if (!network && overview) {
    return (
      <main id="main" className="workspace" tabIndex={-1} aria-busy="true">
        <nav className="people-list" aria-label={t('people.title')}>
          <p className="hint">{t('network.loading')}</p>
        </nav>
        <NetworkOverview caseId={caseId} overview={overview} onDrawn={onOverviewDrawn} />
      </main>
    );
  }
  if (!network) {
    return (
      <main id="main" className="workspace loading" tabIndex={-1} aria-busy="true">
        <p className="hint">{t('network.loading')}</p>
      </main>
    );
  }
  return (
    <main id="main" className={panelOpen ? 'workspace with-panel' : 'workspace'} tabIndex={-1} aria-busy={beingStored}>
      {/* Drawn from what the worker generated: until it is stored, a reload or a lock would lose it. */}
      <PeopleList persons={network.persons} notice={beingStored ? <DemoProgressBar progress={demoProgress} /> : undefined} />
      <div className="workspace-middle">
        <PaneSwitcher />
        {pane === 'timeline' ? <TimelineView network={network} onDrawn={onNetworkDrawn} /> : <NetworkView network={network} onDrawn={onNetworkDrawn} />}
      </div>
      {drawnCaseId === caseId && <AnalysisDock network={network} />}
      {panelOpen && selectedPersonId && <PersonPanel personId={selectedPersonId} />}
    </main>
  );
}
