import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from './elements';

/**
 * "270 personas en 30 prisiones · 812 vínculos": what is drawn, counted (the e2e suite reads it),
 * then the prisons opened into their people, if any.
 */
export function StatusLine({ summary, id, filtering }: { summary: NetworkSummary; id: string; filtering: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="status-line" id={id}>
      <p role="status" data-testid="network-status">
        {t('network.statusLine', {
          people: t('network.people', { count: summary.people }),
          prisons: t('network.prisons', { count: summary.prisons }),
          links: t('network.links', { count: summary.links }),
        })}
        {summary.outside > 0 && <> · {t('network.outsidePrison', { count: summary.outside })}</>}
        {summary.expandedPrisons > 0 && (
          <> · {t('views.expandedStatus', { count: summary.expandedPrisons, people: t('network.people', { count: summary.expandedPeople }) })}</>
        )}
      </p>
      {filtering && <p className="hint">{t('views.filtered')}</p>}
      {summary.level === 'prisons' && summary.expandedPrisons === 0 && <p className="hint">{t('views.expandHint')}</p>}
    </div>
  );
}
