import { useEffect } from 'react';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { DEFAULT_DEMO_SIZE } from '../../../shared/demo';
import { useLanguage } from '../../i18n/use-language';
import { getBridge } from '../../platform/bridge';
import { useUiStore } from '../../store/ui-store';
import { useCaseActions } from '../cases/use-case-actions';

/** Carries out the native menu's commands (Electron); in a browser none ever arrive. */
export function useMenuCommands(): void {
  const { close, openDemo } = useCaseActions();
  const { setLanguage } = useLanguage();

  useEffect(() => {
    const handle = (command: MenuCommand) => {
      const ui = useUiStore.getState();
      switch (command) {
        case 'new-case':
          void close().then(() => ui.requestNewCase());
          break;
        case 'open-demo-case':
          void openDemo(DEFAULT_DEMO_SIZE);
          break;
        case 'close-case':
          void close();
          break;
        case 'language-es':
          void setLanguage('es');
          break;
        case 'language-en':
          void setLanguage('en');
          break;
        case 'about':
          ui.openDialog('about');
          break;
      }
    };
    return getBridge().onMenuCommand(handle);
  }, [close, openDemo, setLanguage]);
}
