import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/formatters';
import type { NamedPair } from '../../network-model/elements';

/**
 * Every aggregated pair and its count, most first: the drawing labels only the strongest pairs and,
 * in a mesh of prisons, leaves the faintest out (aggregate-edges.ts), so this table is where each
 * count can be read. Rows are built only while it is open (a large case has thousands of pairs).
 */
export function AggregateCounts({ pairs }: { pairs: readonly NamedPair[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState(false);
  const sorted = useMemo(
    () => (open ? [...pairs].sort((a, b) => b.count - a.count || a.sourceName.localeCompare(b.sourceName, 'es') || a.targetName.localeCompare(b.targetName, 'es')) : []),
    [open, pairs],
  );
  return (
    <details className="aggregate-counts" onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="aggregate-counts">
      <summary>{t('views.pairsTitle', { count: pairs.length })}</summary>
      {open && (
        <table>
          <caption>{t('views.pairsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('views.pairsBetween')}</th>
              <th scope="col">{t('views.pairsAnd')}</th>
              <th scope="col">{t('views.pairsCount')}</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((pair) => (
              <tr key={`${pair.source}~${pair.target}`}>
                <td>{pair.sourceName}</td>
                <td>{pair.targetName}</td>
                <td>{format.number(pair.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
