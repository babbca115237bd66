import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { CaseNetwork } from '../../db';
import { METRIC_KEYS, type MetricKey } from '../../store/analysis-slice';
import { useUiStore } from '../../store/ui-store';
import { AnalysisProgress } from './AnalysisProgress';
import type { AnalysisSession } from './use-analysis-session';
import { MetricsTable } from './MetricsTable';
import { useMetricFormat } from './metric-format';
import { metricRows, sortMetricRows, type TableSort } from './metrics-table';
import { usePersonNames, usePrisonNames } from './person-names';

/** The metrics table with what summarises it: communities, cut points, prison spread, brokers. */
export function MetricsTab({ network, session }: { network: CaseNetwork; session: AnalysisSession }) {
  const { t } = useTranslation();
  const formatMetric = useMetricFormat();
  const names = usePersonNames(network);
  const prisonNames = usePrisonNames(network);
  const { metrics, styleMetric, setStyleMetric, scope, setScope, viewFiltered } = useUiStore(
    useShallow((s) => ({
      metrics: s.analysisMetrics,
      styleMetric: s.styleMetric,
      setStyleMetric: s.setStyleMetric,
      scope: s.analysisScope,
      setScope: s.setAnalysisScope,
      viewFiltered: s.viewLinkIds !== undefined,
    })),
  );
  const [sort, setSort] = useState<TableSort>({ key: 'betweenness', direction: 'descending' });
  const rows = useMemo(() => (metrics ? sortMetricRows(metricRows(metrics, network.persons), sort) : []), [metrics, network.persons, sort]);

  return (
    <div className="analysis-metrics">
      <AnalysisProgress session={session} />
      <div className="analysis-controls">
        {viewFiltered && (
          <label>
            {t('analysis.scope.label')}{' '}
            <select value={scope} onChange={(event) => setScope(event.target.value === 'view' ? 'view' : 'case')}>
              <option value="case">{t('analysis.scope.case')}</option>
              <option value="view">{t('analysis.scope.view')}</option>
            </select>
          </label>
        )}
        <label>
          {t('analysis.table.styleBy')}{' '}
          <select value={styleMetric} onChange={(event) => setStyleMetric(event.target.value as MetricKey)}>
            {METRIC_KEYS.map((key) => (
              <option key={key} value={key}>
                {t(`analysis.metric.${key}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {!metrics ? (
        <p className="hint">{t('analysis.run.waiting')}</p>
      ) : (
        <>
          <p className="hint" data-testid="metrics-summary">
            {t('analysis.table.summary', {
              communities: metrics.communityCount,
              modularity: formatMetric(metrics.modularity),
              articulation: metrics.articulation.reduce((sum, x) => sum + x, 0),
              bridges: metrics.bridges.length,
            })}{' '}
            {metrics.betweennessExact ? t('analysis.table.exact') : t('analysis.table.estimate', { pivots: metrics.betweennessPivots })}
          </p>
          <MetricsTable rows={rows} sort={sort} onSort={setSort} closenessComputed={metrics.closeness !== undefined} />
          <details>
            <summary>{t('analysis.spread.title')}</summary>
            <ul className="analysis-list">
              {metrics.communitySpread
                .filter((c) => c.size > 1)
                .slice(0, 50)
                .map((c) => (
                  <li key={c.community} title={c.prisons.map((p) => prisonNames.get(p) ?? p).join(', ')}>
                    {t('analysis.spread.row', { community: c.community + 1, size: c.size, count: c.prisons.length })}
                  </li>
                ))}
            </ul>
          </details>
          <details>
            <summary>{t('analysis.brokers.title')}</summary>
            {metrics.brokers.length === 0 ? (
              <p className="hint">{t('analysis.brokers.none')}</p>
            ) : (
              <ol className="analysis-list">
                {metrics.brokers.slice(0, 20).map((b) => (
                  <li key={b.personId}>
                    <strong>{names.get(b.personId) ?? b.personId}</strong>{' '}
                    {t('analysis.brokers.row', { count: b.otherPrisons, contacts: b.crossPrisonContacts })}
                  </li>
                ))}
              </ol>
            )}
          </details>
        </>
      )}
    </div>
  );
}
