import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuLanguage } from '../../../shared/ipc/contract';
import { commandAccelerator } from '../../../shared/commands';
import { LOCALES } from '../../../shared/model/locales';
import { LANGUAGE_NAMES, MENU_LABELS } from './menu-labels';

export interface MenuTemplateOptions {
  language: MenuLanguage;
  platform: NodeJS.Platform;
  /** Reload and DevTools entries: only in an unpackaged build whose developer asked for them. */
  developerTools: boolean;
  onCommand(command: MenuCommand): void;
}

/**
 * The native menu: the app's main actions (sent to the renderer as `MenuCommand`s, with the
 * command as the item id), the standard Edit roles, zoom, language and About. Nothing in
 * production reloads the page or opens DevTools.
 */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const labels = MENU_LABELS[options.language];
  // The accelerator comes from the command table, so the menu shows the key the page answers.
  const command = (id: MenuCommand, label: string): MenuItemConstructorOptions => {
    const accelerator = commandAccelerator(id);
    return { id, label, ...(accelerator === undefined ? {} : { accelerator }), click: () => options.onCommand(id) };
  };
  const isMac = options.platform === 'darwin';

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: 'Vigía',
          submenu: [
            command('about', labels.about),
            { type: 'separator' },
            { role: 'hide', label: labels.hide },
            { role: 'hideOthers', label: labels.hideOthers },
            { role: 'unhide', label: labels.showAll },
            { type: 'separator' },
            { role: 'quit', label: labels.quit },
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: labels.file,
    submenu: [
      command('new-case', labels.newCase),
      command('open-demo-case', labels.openDemoCase),
      { type: 'separator' },
      command('close-case', labels.closeCase),
      command('lock', labels.lock),
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit', label: labels.quit } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: labels.edit,
    submenu: [
      { role: 'undo', label: labels.undo },
      { role: 'redo', label: labels.redo },
      { type: 'separator' },
      { role: 'cut', label: labels.cut },
      { role: 'copy', label: labels.copy },
      { role: 'paste', label: labels.paste },
      { role: 'selectAll', label: labels.selectAll },
    ],
  };

  const developerItems: MenuItemConstructorOptions[] = options.developerTools
    ? [
        { type: 'separator' },
        { role: 'reload', label: labels.reload },
        { role: 'toggleDevTools', label: labels.developerTools },
      ]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: labels.view,
    submenu: [
      { role: 'resetZoom', label: labels.actualSize },
      { role: 'zoomIn', label: labels.zoomIn },
      { role: 'zoomOut', label: labels.zoomOut },
      { type: 'separator' },
      { role: 'togglefullscreen', label: labels.fullScreen },
      ...developerItems,
    ],
  };

  const languageMenu: MenuItemConstructorOptions = {
    label: labels.language,
    submenu: LOCALES.map((language) => ({
      id: `language-${language}`,
      label: LANGUAGE_NAMES[language],
      type: 'radio' as const,
      checked: options.language === language,
      click: () => options.onCommand(`language-${language}`),
    })),
  };

  const helpMenu: MenuItemConstructorOptions = {
    label: labels.help,
    submenu: isMac ? [] : [command('about', labels.about)],
  };

  return [...appMenu, fileMenu, editMenu, viewMenu, languageMenu, ...(isMac ? [] : [helpMenu])];
}

/** The language a menu command switches to, if it is a language command. */
export function languageOfCommand(command: MenuCommand): MenuLanguage | undefined {
  if (command === 'language-es') return 'es';
  if (command === 'language-en') return 'en';
  return undefined;
}
