import { DEFAULT_DEMO_SIZE } from '../../../shared/demo';
import { useCommand } from '../../commands';
import { useLanguage } from '../../i18n/use-language';
import { useUiStore } from '../../store/ui-store';
import { useCaseActions } from '../cases/use-case-actions';

/**
 * What the workstation-wide commands do (the table is shared/commands): new, demo and close case,
 * the language, About. The native menu, the keyboard and the header's buttons all run these.
 */
export function useWorkstationCommands(): void {
  const { close, openDemo } = useCaseActions();
  const { setLanguage } = useLanguage();
  useCommand('new-case', () => void close().then(() => useUiStore.getState().requestNewCase()));
  useCommand('open-demo-case', () => void openDemo(DEFAULT_DEMO_SIZE));
  useCommand('close-case', () => void close());
  useCommand('language-es', () => void setLanguage('es'));
  useCommand('language-en', () => void setLanguage('en'));
  useCommand('about', () => useUiStore.getState().openDialog({ kind: 'about' }));
}
