import { type BrowserWindow, Menu } from 'electron';
import { EVENT_CHANNELS, type MenuCommand, type MenuLanguage } from '../../shared/ipc/contract';
import { buildMenuTemplate, languageOfCommand } from './menu/menu-template';

export interface ApplicationMenu {
  setLanguage(language: MenuLanguage): void;
}

/**
 * Installs the native menu. Commands go to the renderer; a language command also redraws the menu
 * in that language at once (the renderer confirms through `setMenuLanguage`).
 */
export function installApplicationMenu(
  initialLanguage: MenuLanguage,
  developerTools: boolean,
  currentWindow: () => BrowserWindow | undefined,
): ApplicationMenu {
  let language = initialLanguage;
  const render = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ language, platform: process.platform, developerTools, onCommand })),
    );
  };
  const setLanguage = (next: MenuLanguage) => {
    if (next === language) return;
    language = next;
    render();
  };
  function onCommand(command: MenuCommand): void {
    currentWindow()?.webContents.send(EVENT_CHANNELS.menuCommand, command);
    const next = languageOfCommand(command);
    if (next) setLanguage(next);
  }
  render();
  return { setLanguage };
}
