import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';
import type { AnalysisSession } from './use-analysis-session';

/** Where the metrics computation stands, with Cancel while it runs and "again" after a stop. */
export function AnalysisProgress({ session }: { session: AnalysisSession }) {
  const { t } = useTranslation();
  const run = useUiStore((s) => s.analysisRun);
  if (run.phase === 'idle') return null;
  if (run.phase === 'running') {
    const percent = run.total > 0 ? Math.floor((100 * run.done) / run.total) : 0;
    return (
      <div className="analysis-progress" role="status">
        <progress max={run.total} value={run.done} aria-label={t(`analysis.stage.${run.stage}`)} />
        <span>{t('analysis.run.computing', { stage: t(`analysis.stage.${run.stage}`), percent })}</span>
        <button type="button" className="button quiet" onClick={session.cancel}>
          {t('analysis.run.cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="analysis-progress" role="status">
      <span>{run.phase === 'cancelled' ? t('analysis.run.cancelled') : t('analysis.failure.internal')}</span>
      <button type="button" className="button quiet" onClick={session.rerun}>
        {t('analysis.run.again')}
      </button>
    </div>
  );
}
