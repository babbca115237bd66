import { useTranslation } from 'react-i18next';
import type { JobProgress } from './bundle-client';

/** Reading is a short indeterminate step; encrypting counts bytes through the STREAM layer. */
export function BundleProgress({ progress }: { progress: JobProgress | undefined }) {
  const { t, i18n } = useTranslation();
  if (!progress) return null;
  const bytes = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const text =
    progress.phase === 'encrypting'
      ? t('sync.send.encrypting', { done: bytes.format(progress.done / 1024), total: bytes.format(progress.total / 1024) })
      : progress.phase === 'reading'
        ? t('sync.send.reading')
        : t('sync.receive.decrypting');
  return (
    <div className="sync-progress">
      {progress.phase === 'encrypting' ? (
        <progress aria-label={t('sync.send.progress')} max={Math.max(1, progress.total)} value={progress.done} />
      ) : (
        <progress aria-label={t('sync.send.progress')} />
      )}
      <p role="status" aria-live="polite">
        {text}
      </p>
    </div>
  );
}
