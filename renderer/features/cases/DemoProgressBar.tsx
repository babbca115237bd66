import { useTranslation } from 'react-i18next';
import type { DemoProgress } from '../../store/demo-slice';

/** An honest progress bar: indeterminate while generating, records written while saving. */
export function DemoProgressBar({ progress }: { progress: DemoProgress }) {
  const { t } = useTranslation();
  if (progress.phase === 'idle') return null;
  if (progress.phase === 'failed') {
    return (
      <p className="form-summary" role="alert">
        {t('demo.failed')}
      </p>
    );
  }
  const text =
    progress.phase === 'generating'
      ? t('demo.generating')
      : progress.phase === 'saving'
        ? t('demo.saving', { done: progress.done, total: progress.total })
        : t('demo.opening');
  return (
    <div className="demo-progress">
      {progress.phase === 'saving' ? (
        <progress aria-label={t('demo.progressLabel')} max={Math.max(1, progress.total)} value={progress.done} />
      ) : (
        <progress aria-label={t('demo.progressLabel')} />
      )}
      <p role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
