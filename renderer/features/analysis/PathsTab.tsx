import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseNetwork } from '../../db';
import { useFormatters } from '../../i18n/formatters';
import { useUiStore } from '../../store/ui-store';
import type { PathsResult } from '../../workers/analytics-protocol';
import { AnalyticsError, type AnalyticsClient } from './analytics-client';
import { highlightOf } from './highlight';
import { usePersonNames } from './person-names';
import { PersonPicker } from '../../ui/PersonPicker';

/** At most this many shortest chains are listed (their number can grow exponentially). */
const MAX_PATHS = 20;

/** Chains between two people: every shortest one, and the earliest that follows link dates. */
export function PathsTab({ network, client }: { network: CaseNetwork; client: AnalyticsClient | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const names = usePersonNames(network);
  const setHighlighted = useUiStore((s) => s.setHighlighted);
  const highlighted = useUiStore((s) => s.highlighted);
  const [from, setFrom] = useState<string>();
  const [to, setTo] = useState<string>();
  const [result, setResult] = useState<PathsResult>();
  const [problem, setProblem] = useState<string>();
  const name = (personId: string) => names.get(personId) ?? personId;

  const find = async () => {
    setProblem(undefined);
    setResult(undefined);
    if (!from || !to || !client) {
      setProblem(t('analysis.paths.chooseBoth'));
      return;
    }
    try {
      const found = await client.paths(from, to, MAX_PATHS);
      setResult(found);
      setHighlighted(highlightOf([...found.shortest.paths, ...(found.timeRespecting ? [found.timeRespecting.people] : [])]));
    } catch (error) {
      setProblem(t(`analysis.failure.${error instanceof AnalyticsError ? error.reason : 'internal'}`));
    }
  };

  return (
    <div className="analysis-paths">
      <div className="analysis-controls">
        <PersonPicker label={t('analysis.paths.from')} persons={network.persons} value={from} onChange={setFrom} />
        <PersonPicker label={t('analysis.paths.to')} persons={network.persons} value={to} onChange={setTo} />
        <button type="button" className="button primary" onClick={() => void find()}>
          {t('analysis.paths.find')}
        </button>
      </div>
      {problem && (
        <p className="hint" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <div aria-live="polite">
          <h3>{t('analysis.paths.shortest')}</h3>
          {result.shortest.distance === null ? (
            <p>{t('analysis.paths.none')}</p>
          ) : (
            <>
              <p className="hint">
                {t('analysis.paths.count', { count: result.shortest.pathCount, distance: result.shortest.distance })}{' '}
                {result.shortest.truncated && t('analysis.paths.truncated', { shown: result.shortest.paths.length })}
              </p>
              <ol className="analysis-list chains">
                {result.shortest.paths.map((path, i) => (
                  <li key={path.join('|')} aria-label={t('analysis.paths.chainLabel', { number: i + 1 })}>
                    {path.map(name).join(' → ')}
                  </li>
                ))}
              </ol>
            </>
          )}
          <h3>{t('analysis.paths.timeRespecting')}</h3>
          <p className="hint">{t('analysis.paths.timeExplain')}</p>
          {result.timeRespecting ? (
            <ol className="analysis-list" data-testid="time-respecting-path">
              {result.timeRespecting.people.slice(1).map((personId, i) => (
                <li key={`${personId}-${i}`}>
                  {name(result.timeRespecting!.people[i]!)} → {name(personId)} · {format.date(result.timeRespecting!.dates[i]!)}
                </li>
              ))}
            </ol>
          ) : (
            <p>{t('analysis.paths.timeNone')}</p>
          )}
          {highlighted && (
            <p className="hint">
              {t('analysis.paths.highlighted')}{' '}
              <button type="button" className="button quiet" onClick={() => setHighlighted(undefined)}>
                {t('analysis.paths.clearHighlight')}
              </button>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
