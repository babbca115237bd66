import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaseNetwork } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { AnalysisTabs } from './AnalysisTabs';
import { useAnalysisSession } from './use-analysis-session';
import './analysis.css';

/**
 * The analysis of the open case, docked under the network: a button while closed, a panel with
 * tabs once open. Esc inside it closes it and gives focus back to the button.
 */
export function AnalysisDock({ network }: { network: CaseNetwork }) {
  const { t } = useTranslation();
  const { open, openAnalysis, closeAnalysis, personPanelOpen } = useUiStore(
    useShallow((s) => ({
      open: s.analysisPanelOpen,
      openAnalysis: s.openAnalysis,
      closeAnalysis: s.closeAnalysis,
      personPanelOpen: s.personPanelOpen,
    })),
  );
  const session = useAnalysisSession(network);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const placement = personPanelOpen ? 'analysis-dock beside-panel' : 'analysis-dock';
  if (!open) {
    return (
      <button ref={opener} type="button" className="button secondary analysis-opener" onClick={() => openAnalysis()}>
        {t('analysis.open')}
      </button>
    );
  }
  return (
    <section
      className={placement}
      aria-labelledby="analysis-title"
      data-testid="analysis-dock"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        closeAnalysis();
      }}
    >
      <div className="analysis-head">
        <h2 id="analysis-title" ref={heading} tabIndex={-1}>
          {t('analysis.title')}
        </h2>
        <button type="button" className="button quiet close" onClick={closeAnalysis} aria-label={t('analysis.close')}>
          ×
        </button>
      </div>
      <AnalysisTabs network={network} session={session} />
    </section>
  );
}
