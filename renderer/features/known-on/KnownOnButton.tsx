import { useTranslation } from 'react-i18next';
import { useUiStore } from '../../store/ui-store';

/** The header menu's way into a past state of the open case. */
export function KnownOnButton() {
  const { t } = useTranslation();
  const openDialog = useUiStore((s) => s.openDialog);
  return (
    <button type="button" className="button quiet" onClick={() => openDialog({ kind: 'knownOn' })}>
      {t('knownOn.menu')}
    </button>
  );
}
