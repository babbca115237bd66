import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseNetwork } from '../../db';
import { localToday, useFormatters } from '../../i18n/formatters';
import { METRIC_KEYS, type MetricKey } from '../../store/analysis-slice';
import { useUiStore } from '../../store/ui-store';
import { linkCountByPerson } from './analysis-input';
import { useMetricFormat } from './metric-format';
import { DEFAULT_RADAR_DAYS, DEFAULT_RADAR_RANKING, releaseRadar } from './release-radar';

/** People about to walk out, most central first: who matters most among those leaving soon. */
export function ReleaseRadarTab({ network }: { network: CaseNetwork }) {
  const { t } = useTranslation();
  const id = useId();
  const format = useFormatters();
  const formatMetric = useMetricFormat();
  const metrics = useUiStore((s) => s.analysisMetrics);
  const selectPerson = useUiStore((s) => s.selectPerson);
  const [days, setDays] = useState(DEFAULT_RADAR_DAYS);
  const [rankBy, setRankBy] = useState<MetricKey>(DEFAULT_RADAR_RANKING);
  const linkCount = useMemo(() => linkCountByPerson(network.links), [network.links]);
  const rows = useMemo(
    () =>
      releaseRadar({
        persons: network.persons,
        releaseByPerson: network.releaseByPerson,
        linkCount,
        metrics,
        today: localToday(),
        withinDays: days,
        rankBy,
      }),
    [network, linkCount, metrics, days, rankBy],
  );

  return (
    <div className="release-radar">
      <div className="analysis-controls">
        <label htmlFor={`${id}-days`}>{t('analysis.radar.days')}</label>
        <input
          id={`${id}-days`}
          type="number"
          min={1}
          max={3650}
          value={days}
          onChange={(event) => {
            const value = Math.round(Number(event.target.value));
            if (Number.isFinite(value) && value >= 1) setDays(Math.min(value, 3650));
          }}
        />
        <label htmlFor={`${id}-rank`}>{t('analysis.radar.rankBy')}</label>
        <select id={`${id}-rank`} value={rankBy} onChange={(event) => setRankBy(event.target.value as MetricKey)}>
          {METRIC_KEYS.map((key) => (
            <option key={key} value={key}>
              {t(`analysis.metric.${key}`)}
            </option>
          ))}
        </select>
      </div>
      {!metrics && <p className="hint">{t('analysis.run.waiting')}</p>}
      {rows.length === 0 ? (
        <p className="hint">{t('analysis.radar.empty', { days })}</p>
      ) : (
        <div className="table-scroll">
          <table className="metrics-table" data-testid="release-radar">
            <caption className="hint">{t('analysis.radar.caption', { days })}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('analysis.table.name')}</th>
                <th scope="col">{t('analysis.table.role')}</th>
                <th scope="col">{t('analysis.radar.release')}</th>
                <th scope="col">{t('analysis.radar.links')}</th>
                <th scope="col" aria-sort="descending">
                  {t(`analysis.metric.${rankBy}`)}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, rank) => (
                <tr key={row.personId}>
                  <td className="number">{rank + 1}</td>
                  <th scope="row">
                    <button type="button" className="link-button" onClick={() => selectPerson(row.personId)}>
                      {row.name}
                    </button>
                  </th>
                  <td>{t(`role.${row.role}`)}</td>
                  <td>{t('analysis.radar.daysLeft', { count: row.daysLeft, date: format.date(row.releaseDate) })}</td>
                  <td className="number">{row.linkCount}</td>
                  <td className="number">{row.centrality === undefined ? '—' : formatMetric(row.centrality)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
