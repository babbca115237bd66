import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from '../../network-model/elements';

/**
 * "270 personas en 30 prisiones · 812 vínculos": what is drawn, counted (the e2e suite reads it),
 * then the prisons opened into their people, if any. While a large case's people and links are
 * still being read (`loadingPeople`), it says so instead of offering to open prisons.
 */
export function StatusLine({ summary, id, filtering, loadingPeople = false }: { summary: NetworkSummary; id: string; filtering: boolean; loadingPeople?: boolean }) {
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
      {loadingPeople ? (
        <p className="hint" role="status">
          {t('views.loadingPeople')}
        </p>
      ) : (
        summary.level === 'prisons' && summary.expandedPrisons === 0 && <p className="hint">{t('views.expandHint')}</p>
      )}
    </div>
  );
}
