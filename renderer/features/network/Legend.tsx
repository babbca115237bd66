import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { AggregateCounts } from './AggregateCounts';
import type { NamedPair, NetworkSummary } from '../../network-model/elements';
import { legendEntries, RELEASE_BADGE_COLOUR, type LegendSample } from './legend-entries';

function Sample({ sample }: { sample: LegendSample }) {
  switch (sample.kind) {
    case 'line':
      return (
        <svg className="legend-sample" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
          <line x1="2" y1="6" x2={sample.arrow ? 27 : 34} y2="6" stroke={sample.color} strokeWidth={sample.width} strokeDasharray={sample.dash} />
          {sample.arrow && <polygon points="26,2 34,6 26,10" fill={sample.color} />}
        </svg>
      );
    case 'node':
      return (
        <svg className="legend-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true">
          <circle cx="18" cy="8" r={sample.size} fill={sample.color} />
        </svg>
      );
    case 'badge':
      return (
        <svg className="legend-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true">
          <circle cx="18" cy="8" r="5" fill="#9AA5B1" stroke={RELEASE_BADGE_COLOUR} strokeWidth="2.5" />
        </svg>
      );
    case 'prison':
    case 'prison-summary':
      return (
        <svg className="legend-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true">
          <rect x="4" y="2" width="28" height="12" rx="3" fill={sample.kind === 'prison' ? '#F4F6F8' : '#52606D'} stroke="#9AA5B1" />
        </svg>
      );
    case 'map':
      return (
        <svg className="legend-sample" width="36" height="16" viewBox="0 0 36 16" aria-hidden="true">
          <path d="M4 4 L20 2 L32 6 L28 14 L8 13 Z" fill="#EEF2F5" stroke="#B8C2CC" />
        </svg>
      );
    default:
      return null;
  }
}

/** The key to the drawing, built from what was drawn (legend-entries.ts), as the exports are. */
export function Legend({ summary, pairs }: { summary: NetworkSummary; pairs?: readonly NamedPair[] | undefined }) {
  const { t } = useTranslation();
  const entries = legendEntries(summary, t);
  // Beside the drawing, open while there is room; the person's record takes that room, so the
  // legend folds into a strip while it is open, unless the analyst opened or closed it by hand.
  const panelOpen = useUiStore((s) => s.personPanelOpen);
  const [chosen, setChosen] = useState<boolean>();
  const open = chosen ?? !panelOpen;
  return (
    <details
      className="legend"
      open={open}
      data-testid="network-legend"
      onToggle={(event) => {
        if (event.currentTarget.open !== open) setChosen(event.currentTarget.open);
      }}
    >
      <summary>
        <h2>{t('network.legendTitle')}</h2>
      </summary>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key}>
            <Sample sample={entry.sample} />
            {entry.label}
          </li>
        ))}
      </ul>
      {pairs && pairs.length > 0 && <AggregateCounts pairs={pairs} />}
    </details>
  );
}
