import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_DEMO_SIZE, DEMO_SIZES } from '../../../shared/demo';
import { useDatabase } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { warmDemoWorker } from './demo-import';
import { DemoProgressBar } from './DemoProgressBar';
import { useCaseActions } from './use-case-actions';

/** "Open demo case": the 270-person case by default, larger synthetic variants for training and speed. */
export function DemoCaseCard() {
  const { t } = useTranslation();
  const id = useId();
  const { openDemo } = useCaseActions();
  const progress = useUiStore((s) => s.demoProgress);
  const [size, setSize] = useState<number>(DEFAULT_DEMO_SIZE);
  const busy = progress.phase === 'generating' || progress.phase === 'saving' || progress.phase === 'opening';
  const db = useDatabase();
  // The worker's module loads, and it opens the database, while the analyst reads the card, not after the click.
  useEffect(() => warmDemoWorker(db.address), [db]);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('demo.title')}</h2>
      <p>{t('demo.description')}</p>
      <fieldset className="size-choice" disabled={busy}>
        <legend>{t('demo.sizeLegend')}</legend>
        {DEMO_SIZES.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name={`${id}-size`} value={option} checked={size === option} onChange={() => setSize(option)} />
            <span>{t('demo.size', { count: option })}</span>
            <span className="hint">{option === DEFAULT_DEMO_SIZE ? t('demo.sizeDefault') : t('demo.sizeSynthetic')}</span>
          </label>
        ))}
      </fieldset>
      <button type="button" className="button primary" disabled={busy} onClick={() => void openDemo(size)}>
        {t('demo.open')}
      </button>
      <DemoProgressBar progress={progress} />
    </section>
  );
}
