import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseNetwork } from '../../db';
import type { SummaryOfNetwork, WhatIfResult } from '../../workers/analytics-protocol';
import { AnalyticsError, type AnalyticsClient } from './analytics-client';
import { useMetricFormat } from './metric-format';
import { usePersonNames } from './person-names';
import { PersonPicker } from '../../ui/PersonPicker';

type Measure = Exclude<keyof SummaryOfNetwork, 'topBroker'>;
const MEASURES: readonly Measure[] = ['components', 'largestComponent', 'fragmentation', 'prisonSpread', 'largestComponentPrisonSpread'];

/** Isolate a person or move them to another prison, and compare with the real network. Nothing is saved. */
export function WhatIfTab({ network, client }: { network: CaseNetwork; client: AnalyticsClient | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  const formatMetric = useMetricFormat();
  const names = usePersonNames(network);
  const [personId, setPersonId] = useState<string>();
  const [kind, setKind] = useState<'isolate' | 'move'>('isolate');
  const [toPrison, setToPrison] = useState(network.prisons[0]?.id ?? '');
  const [result, setResult] = useState<WhatIfResult>();
  const [problem, setProblem] = useState<string>();

  const run = async () => {
    setProblem(undefined);
    setResult(undefined);
    if (!personId || !client || (kind === 'move' && !toPrison)) {
      setProblem(t('analysis.whatIf.choosePerson'));
      return;
    }
    try {
      setResult(await client.whatIf(kind === 'isolate' ? { kind, personId } : { kind, personId, toPrison }));
    } catch (error) {
      setProblem(t(`analysis.failure.${error instanceof AnalyticsError ? error.reason : 'internal'}`));
    }
  };

  const broker = (summary: SummaryOfNetwork) =>
    summary.topBroker
      ? t('analysis.whatIf.broker', { name: names.get(summary.topBroker.personId) ?? summary.topBroker.personId, count: summary.topBroker.otherPrisons })
      : t('analysis.whatIf.nobody');

  return (
    <div className="analysis-what-if">
      <div className="analysis-controls">
        <PersonPicker label={t('analysis.whatIf.person')} persons={network.persons} value={personId} onChange={setPersonId} />
        <fieldset>
          <legend>{t('analysis.whatIf.scenario')}</legend>
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'isolate'} onChange={() => setKind('isolate')} /> {t('analysis.whatIf.isolate')}
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={kind === 'move'} onChange={() => setKind('move')} /> {t('analysis.whatIf.move')}
          </label>
        </fieldset>
        {kind === 'move' && (
          <label>
            {t('analysis.whatIf.prison')}{' '}
            <select value={toPrison} onChange={(event) => setToPrison(event.target.value)}>
              {network.prisons.map((prison) => (
                <option key={prison.id} value={prison.id}>
                  {prison.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button primary" onClick={() => void run()}>
          {t('analysis.whatIf.run')}
        </button>
      </div>
      {problem && (
        <p className="hint" role="alert">
          {problem}
        </p>
      )}
      {result && (
        <div aria-live="polite">
          <table className="metrics-table what-if-table" data-testid="what-if">
            <caption className="hint">{t('analysis.whatIf.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('analysis.whatIf.measure')}</th>
                <th scope="col">{t('analysis.whatIf.real')}</th>
                <th scope="col">{t('analysis.whatIf.after')}</th>
              </tr>
            </thead>
            <tbody>
              {MEASURES.map((measure) => (
                <tr key={measure} className={result.before[measure] === result.after[measure] ? undefined : 'changed'}>
                  <th scope="row">{t(`analysis.whatIf.${measure}`)}</th>
                  <td className="number" data-testid={`what-if-${measure}-before`}>
                    {formatMetric(result.before[measure])}
                  </td>
                  <td className="number" data-testid={`what-if-${measure}-after`}>
                    {formatMetric(result.after[measure])}
                  </td>
                </tr>
              ))}
              <tr className={result.before.topBroker?.personId === result.after.topBroker?.personId ? undefined : 'changed'}>
                <th scope="row">{t('analysis.whatIf.topBroker')}</th>
                <td data-testid="what-if-broker-before">{broker(result.before)}</td>
                <td data-testid="what-if-broker-after">{broker(result.after)}</td>
              </tr>
            </tbody>
          </table>
          <p className="hint">{t('analysis.whatIf.unchanged')}</p>
        </div>
      )}
    </div>
  );
}
