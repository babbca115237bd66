import { useTranslation } from 'react-i18next';
import { ariaKeyShortcuts } from '../../../shared/commands';
import { lockNow } from './lock-now';

/** Locks Vigía at once, from the header: always in sight, one press. */
export function LockButton() {
  const { t } = useTranslation();
  return (
    <button type="button" className="button quiet" onClick={lockNow} title={t('lock.lockHint')} aria-keyshortcuts={ariaKeyShortcuts('lock')}>
      {t('lock.lock')}
    </button>
  );
}
