import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import { METRIC_KEYS } from '../../store/analysis-slice';
import { useMetricFormat } from './metric-format';
import { nextSort, type MetricRow, type SortKey, type TableSort } from './metrics-table';

/** Rows beyond this are not drawn: ten thousand table rows would freeze the page for no reader. */
const MAX_ROWS = 300;

/**
 * A sortable table: each heading is a button (Enter or Space sorts), `aria-sort` says how the
 * table is sorted, and a person's name selects them (panel + network centred on them).
 */
export function MetricsTable({
  rows,
  sort,
  onSort,
  closenessComputed,
}: {
  rows: readonly MetricRow[];
  sort: TableSort;
  onSort: (sort: TableSort) => void;
  closenessComputed: boolean;
}) {
  const { t } = useTranslation();
  const formatMetric = useMetricFormat();
  const selectPerson = useUiStore((s) => s.selectPerson);
  const selectedPersonId = useUiStore((s) => s.selectedPersonId);
  const shown = rows.slice(0, MAX_ROWS);

  const heading = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort.key === key ? sort.direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, key))}>
        {label}
        <span aria-hidden="true">{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );

  return (
    <div className="table-scroll">
      <table className="metrics-table" data-testid="metrics-table">
        <caption className="hint">{t('analysis.table.caption')}</caption>
        <thead>
          <tr>
            {heading('name', t('analysis.table.name'))}
            <th scope="col">{t('analysis.table.role')}</th>
            {heading('community', t('analysis.table.community'))}
            {METRIC_KEYS.map((key) => (
              <Fragment key={key}>{heading(key, t(`analysis.metric.${key}`))}</Fragment>
            ))}
            <th scope="col">{t('analysis.table.articulation')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.personId} aria-current={row.personId === selectedPersonId ? 'true' : undefined}>
              <th scope="row">
                <button type="button" className="link-button" onClick={() => selectPerson(row.personId)}>
                  {row.name}
                </button>
              </th>
              <td>{t(`role.${row.role}`)}</td>
              <td className="number">{row.community}</td>
              <td className="number">{row.degree}</td>
              <td className="number">{formatMetric(row.weightedDegree)}</td>
              <td className="number">{formatMetric(row.betweenness)}</td>
              <td className="number">
                {row.closeness === undefined || !closenessComputed ? t('analysis.table.notComputed') : formatMetric(row.closeness)}
              </td>
              <td className="number">{formatMetric(row.pageRank)}</td>
              <td className="number">{formatMetric(row.eigenvector)}</td>
              <td>{row.articulation ? t('analysis.table.yes') : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <p className="hint">{t('analysis.table.truncated', { count: shown.length, total: rows.length })}</p>}
    </div>
  );
}
