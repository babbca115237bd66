import { readFile, stat, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { type BrowserWindow, app, dialog, ipcMain, safeStorage } from 'electron';
import type { MenuLanguage } from '../../shared/ipc/contract';
import { createInvokeHandlers } from './ipc/handlers';
import { registerInvokeHandlers } from './ipc/register';
import { createKeychainHandlers } from './keys/keychain';
import { registerKeychainHandlers } from './keys/register-keychain';

/** Connects the contract's channels to the real dialogs and file system. */
export function wireInvokeHandlers(
  currentWindow: () => BrowserWindow | undefined,
  setMenuLanguage: (language: MenuLanguage) => void,
): void {
  const handlers = createInvokeHandlers({
    appVersion: app.getVersion(),
    os: process.platform,
    chooseSavePath: async (suggestedName) => {
      const options: Electron.SaveDialogOptions = {
        defaultPath: nodePath.join(app.getPath('documents'), suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = currentWindow();
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return choice.canceled || !choice.filePath ? undefined : choice.filePath;
    },
    chooseOpenPath: async (extensions) => {
      const options: Electron.OpenDialogOptions = {
        properties: ['openFile'],
        filters: extensions.length > 0 ? [{ name: extensions.join(', '), extensions: [...extensions] }] : [],
      };
      const window = currentWindow();
      const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return choice.canceled ? undefined : choice.filePaths[0];
    },
    writeFile: (file, bytes) => writeFile(file, bytes),
    fileSize: async (file) => (await stat(file)).size,
    readFile: async (file) => new Uint8Array(await readFile(file)),
    setMenuLanguage,
  });
  registerInvokeHandlers(ipcMain, handlers);
  registerKeychainHandlers(ipcMain, createKeychainHandlers({ safeStorage, platform: process.platform }));
}
