import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseNetwork } from '../../db';
import { useUiStore } from '../../store/ui-store';
import type { AnalysisTab } from '../../store/analysis-slice';
import { CoLocationsTab } from './CoLocationsTab';
import { MetricsTab } from './MetricsTab';
import { PathsTab } from './PathsTab';
import { ReleaseRadarTab } from './ReleaseRadarTab';
import type { AnalysisSession } from './use-analysis-session';
import { WhatIfTab } from './WhatIfTab';

const TABS: readonly AnalysisTab[] = ['metrics', 'radar', 'paths', 'derived', 'whatIf'];


/** WAI-ARIA tabs: arrows, Home and End move between tabs; only the chosen one is in the tab order. */
export function AnalysisTabs({ network, session }: { network: CaseNetwork; session: AnalysisSession }) {
  const { t } = useTranslation();
  const id = useId();
  const tab = useUiStore((s) => s.analysisTab);
  const setTab = useUiStore((s) => s.setAnalysisTab);
  const buttons = useRef(new Map<AnalysisTab, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const at = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight' ? TABS[(at + 1) % TABS.length]
      : event.key === 'ArrowLeft' ? TABS[(at - 1 + TABS.length) % TABS.length]
      : event.key === 'Home' ? TABS[0]
      : event.key === 'End' ? TABS[TABS.length - 1]
      : undefined;
    if (!next) return;
    event.preventDefault();
    setTab(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label={t('analysis.tabsLabel')} className="analysis-tabs" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => {
              if (element) buttons.current.set(name, element);
              else buttons.current.delete(name);
            }}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={tab === name}
            aria-controls={`${id}-panel`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
          >
            {t(`analysis.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${tab}`} className="analysis-body" tabIndex={0}>
        {tab === 'metrics' && <MetricsTab network={network} session={session} />}
        {tab === 'radar' && <ReleaseRadarTab network={network} />}
        {tab === 'paths' && <PathsTab network={network} client={session.client} />}
        {tab === 'derived' && <CoLocationsTab network={network} />}
        {tab === 'whatIf' && <WhatIfTab network={network} client={session.client} />}
      </div>
    </>
  );
}
