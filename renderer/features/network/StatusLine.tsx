import { useTranslation } from 'react-i18next';
import type { NetworkSummary } from './elements';

/** "270 personas en 30 prisiones · 812 vínculos": what is drawn, counted (the e2e suite reads it). */
export function StatusLine({ summary, id }: { summary: NetworkSummary; id: string }) {
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
      </p>
      {summary.level === 'prisons' && <p className="hint">{t('network.prisonLevel')}</p>}
    </div>
  );
}
