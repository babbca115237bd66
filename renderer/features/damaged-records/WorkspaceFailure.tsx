import { useTranslation } from 'react-i18next';
import { isDamagedRecordFailure } from './damaged-record-failure';
import { useRecordNames } from './record-names';

/**
 * What the case's workspace shows when drawing it failed: the damaged record it stopped on, named
 * (a single read of one fails; lists leave it out), or a plain failure, and a way to try again. The
 * header, the banner and the lock stay usable above it.
 */
export function WorkspaceFailure({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation();
  const { record } = useRecordNames();
  return (
    <main id="main" className="workspace-failure" tabIndex={-1}>
      <p role="alert">{isDamagedRecordFailure(error) ? t('damaged.workspaceFailed', { record: record(error.table, error.key) }) : t('damaged.workspaceFailedOther')}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t('damaged.retry')}
      </button>
    </main>
  );
}
