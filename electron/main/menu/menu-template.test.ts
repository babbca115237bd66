import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMANDS, type MenuCommand } from '../../../shared/ipc/contract';
import { menuLanguageForLocale } from './menu-labels';
import { buildMenuTemplate, languageOfCommand } from './menu-template';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function template(overrides: Partial<Parameters<typeof buildMenuTemplate>[0]> = {}) {
  const sent: MenuCommand[] = [];
  const items = flatten(
    buildMenuTemplate({
      language: 'es',
      platform: 'linux',
      developerTools: false,
      onCommand: (command) => sent.push(command),
      ...overrides,
    }),
  );
  const byId = (id: string) => items.find((item) => item.id === id);
  return { items, sent, byId };
}

function click(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error(`no clickable item ${item?.id}`);
  (item.click as () => void)();
}

describe('buildMenuTemplate', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('offers every menu command once on %s', (platform) => {
    const { items, sent, byId } = template({ platform });
    for (const command of MENU_COMMANDS) {
      expect(items.filter((item) => item.id === command)).toHaveLength(1);
      click(byId(command));
    }
    expect(sent).toEqual([...MENU_COMMANDS]);
  });

  it('speaks Spanish or English', () => {
    expect(template({ language: 'es' }).byId('open-demo-case')?.label).toBe('Abrir caso de demostración');
    expect(template({ language: 'en' }).byId('open-demo-case')?.label).toBe('Open demo case');
    expect(template({ language: 'en' }).byId('new-case')?.label).toBe('New case');
    expect(template({ language: 'es' }).byId('close-case')?.label).toBe('Cerrar caso');
  });

  it('marks the current language', () => {
    const { byId } = template({ language: 'en' });
    expect(byId('language-en')?.checked).toBe(true);
    expect(byId('language-es')?.checked).toBe(false);
  });

  it('has the standard edit and zoom roles and a way to quit', () => {
    const roles = template().items.map((item) => item.role);
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'resetZoom', 'zoomIn', 'zoomOut', 'quit']) {
      expect(roles).toContain(role);
    }
  });

  it('has no reload or DevTools in production', () => {
    const roles = template({ developerTools: false }).items.map((item) => item.role);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(roles).not.toContain(role);
    const developer = template({ developerTools: true }).items.map((item) => item.role);
    expect(developer).toContain('toggleDevTools');
  });
});

describe('menu language', () => {
  it('follows an English system and defaults to Spanish', () => {
    expect(menuLanguageForLocale('en-GB')).toBe('en');
    expect(menuLanguageForLocale('EN')).toBe('en');
    expect(menuLanguageForLocale('es-ES')).toBe('es');
    expect(menuLanguageForLocale('ca')).toBe('es');
  });

  it('knows which commands switch language', () => {
    expect(languageOfCommand('language-en')).toBe('en');
    expect(languageOfCommand('language-es')).toBe('es');
    expect(languageOfCommand('open-demo-case')).toBeUndefined();
  });
});
