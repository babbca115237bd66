import { useTranslation } from 'react-i18next';
import type { JobProgress } from './bundle-client';

/**
 * Reading the case is a short indeterminate step; encrypting, decrypting and checking count bytes
 * (plaintext through the STREAM layer; ciphertext read, of the file's size; entry bytes whose size,
 * hash and records were checked, of all the manifest lists). Between decrypting and the first count
 * of the checks, the bar says it is checking without a count.
 */
export function BundleProgress({ progress }: { progress: JobProgress | undefined }) {
  const { t, i18n } = useTranslation();
  if (!progress) return null;
  const bytes = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  const sizes = { done: bytes.format(progress.done / 1024), total: bytes.format(progress.total / 1024) };
  // A placeholder total of 1 (nothing known yet) is no byte count.
  const decrypting = progress.phase === 'decrypting' && progress.total > 1 && progress.done < progress.total;
  const checkingCounted = progress.phase === 'checking' && progress.total > 1 && progress.done < progress.total;
  const counted = progress.phase === 'encrypting' || decrypting || checkingCounted;
  const text =
    progress.phase === 'encrypting'
      ? t('sync.send.encrypting', sizes)
      : progress.phase === 'reading'
        ? t('sync.send.reading')
        : decrypting
          ? t('sync.receive.decryptingBytes', sizes)
          : checkingCounted
            ? t('sync.receive.checkingBytes', sizes)
            : progress.phase === 'checking' || progress.total > 1
            ? t('sync.receive.checking')
            : t('sync.receive.decrypting');
  return (
    <div className="sync-progress">
      {counted ? (
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
