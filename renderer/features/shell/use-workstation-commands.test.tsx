import { cleanup, render, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuCommand, VigiaBridge } from '../../../shared/ipc/contract';
import { DatabaseContext, getSetting, setLastOpenedCaseId } from '../../db';
import { freshDatabase } from '../../db/test-support';
import { createI18n } from '../../i18n/i18n';
import { useUiStore } from '../../store/ui-store';
import { useMenuBridge } from '../../commands';
import { useWorkstationCommands } from './use-workstation-commands';

// A stand-in for Electron's preload: the app must find it as the bridge and listen to its menu.
const listeners = new Set<(command: MenuCommand) => void>();
const fakeBridge: VigiaBridge = {
  platform: 'electron',
  appInfo: async () => ({ version: '9.9.9', platform: 'electron', os: 'linux' }),
  saveFile: async () => ({ ok: false, error: 'unavailable' }),
  openFile: async () => ({ ok: false, error: 'unavailable' }),
  openLargeFile: async () => ({ ok: false, error: 'unavailable' }),
  readFile: async () => ({ ok: false, error: 'unavailable' }),
  closeFile: async () => ({ ok: false, error: 'unavailable' }),
  startLargeSave: async () => ({ ok: false, error: 'unavailable' }),
  writeLargeSave: async () => ({ ok: false, error: 'unavailable' }),
  finishLargeSave: async () => ({ ok: false, error: 'unavailable' }),
  onMenuCommand: (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
(globalThis as Record<string, unknown>).vigia = fakeBridge;

afterEach(cleanup);

function MenuListener() {
  useMenuBridge();
  useWorkstationCommands();
  return null;
}

async function mount() {
  const db = await freshDatabase();
  const i18n = createI18n('es');
  const view = render(
    <I18nextProvider i18n={i18n}>
      <DatabaseContext.Provider value={db}>
        <MenuListener />
      </DatabaseContext.Provider>
    </I18nextProvider>,
  );
  return { db, i18n, view };
}

const send = (command: MenuCommand) => listeners.forEach((listener) => listener(command));

describe('native menu commands', () => {
  it('switch the language and remember it', async () => {
    const { db, i18n } = await mount();
    send('language-en');
    await waitFor(() => expect(i18n.language).toBe('en'));
    await waitFor(async () => expect(await getSetting(db, 'locale')).toBe('en'));
  });

  it('close the open case and open the about dialog', async () => {
    const { db } = await mount();
    useUiStore.getState().openCase('case:one');
    await setLastOpenedCaseId(db, 'case:one');
    send('close-case');
    await waitFor(() => expect(useUiStore.getState().openCaseId).toBeUndefined());
    await waitFor(async () => expect(await getSetting(db, 'lastCaseId')).toBeNull());
    send('about');
    expect(useUiStore.getState().dialogs).toEqual([{ kind: 'about' }]);
  });

  it('stop listening when the app unmounts', async () => {
    const { view } = await mount();
    expect(listeners.size).toBe(1);
    view.unmount();
    expect(listeners.size).toBe(0);
  });
});
