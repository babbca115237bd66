import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/ipc/contract';
import { getBridge } from '../../platform/bridge';
import { openDialogOf } from '../../store/dialog-slice';
import { useUiStore } from '../../store/ui-store';

/** Version and where the data lives; a native modal dialog, so focus and Esc come for free. */
export function AboutDialog() {
  const { t } = useTranslation();
  const open = useUiStore((s) => openDialogOf(s, 'about') !== undefined);
  const closeDialog = useUiStore((s) => s.closeDialog);
  const dialog = useRef<HTMLDialogElement>(null);
  const [info, setInfo] = useState<AppInfo | undefined>();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      void getBridge().appInfo().then(setInfo);
    }
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="about-dialog" aria-labelledby="about-title" onClose={() => closeDialog('about')}>
      <h2 id="about-title">{t('about.title')}</h2>
      {info && (
        <p>
          {t('about.version', { version: info.version })} · {t(`about.platform_${info.platform}`)}
        </p>
      )}
      <p>{t('about.offline')}</p>
      <form method="dialog">
        <button type="submit" className="button primary">
          {t('about.close')}
        </button>
      </form>
    </dialog>
  );
}
