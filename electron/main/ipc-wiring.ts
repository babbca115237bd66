import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import nodePath from 'node:path';
import { BrowserWindow, app, dialog, ipcMain, safeStorage } from 'electron';
import type { MenuLanguage } from '../../shared/ipc/contract';
import { createInvokeHandlers } from './ipc/handlers';
import { createLargeFiles } from './ipc/large-files';
import { createExclusive, openForReading } from '../node/node-files';
import { registerIpcHandlers, type IpcHandlers } from './ipc/dispatch';
import { sealedHandlers } from './ipc/sealed-handlers';
import { createSealedFiles } from './ipc/sealed-files';
import { createKeychainHandlers } from './keys/keychain';
import { wireBundleCrypto } from './utility-wiring';
import { APP_ENTRY_URL } from './app-origin';
import { REPORT_PDF_OPTIONS, REPORT_READY_PROBE, reportWindowOptions, waitUntilReady } from './window/report-window';

/** Connects the contract's channels to the real dialogs and file system. */
export function wireInvokeHandlers(
  currentWindow: () => BrowserWindow | undefined,
  setMenuLanguage: (language: MenuLanguage) => void,
): void {
  const chooseSavePath = async (suggestedName: string) => {
    const options: Electron.SaveDialogOptions = {
      defaultPath: nodePath.join(app.getPath('documents'), suggestedName),
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const window = currentWindow();
    const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? undefined : choice.filePath;
  };
  const chooseOpenPath = async (extensions: readonly string[]) => {
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: extensions.length > 0 ? [{ name: extensions.join(', '), extensions: [...extensions] }] : [],
    };
    const window = currentWindow();
    const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return choice.canceled ? undefined : choice.filePaths[0];
  };
  const largeFiles = createLargeFiles({
    chooseOpenPath,
    chooseSavePath,
    openForReading,
    createExclusive,
    rename: (from, to) => rename(from, to),
    remove: (file) => rm(file, { force: true }),
    newHandle: () => randomBytes(16).toString('hex'),
  });
  // A window that closes or crashes takes its handles with it; quitting deletes unfinished saves.
  app.on('web-contents-created', (_event, contents) => {
    const owner = contents.id;
    contents.once('destroyed', () => void largeFiles.releaseOwner(owner));
    contents.on('render-process-gone', () => void largeFiles.releaseOwner(owner));
  });
  // Bundles are sealed and unsealed in a utility process (node:crypto), its files behind the same handles.
  const bundleCrypto = wireBundleCrypto();
  const sealedFiles = createSealedFiles({ largeFiles, crypto: bundleCrypto, newSession: () => randomBytes(16).toString('hex') });
  app.once('will-quit', () => void largeFiles.releaseAll().finally(() => bundleCrypto.stop()));

  const handlers = createInvokeHandlers({
    appVersion: app.getVersion(),
    os: process.platform,
    chooseSavePath,
    chooseOpenPath,
    largeFiles,
    writeFile: (file, bytes) => writeFile(file, bytes),
    fileSize: async (file) => (await stat(file)).size,
    readFile: async (file) => new Uint8Array(await readFile(file)),
    setMenuLanguage,
    printReport,
  });
  // One handler map for the whole contract, area by area, behind one validating dispatcher.
  const contract = {
    ...handlers,
    ...createKeychainHandlers({ safeStorage, platform: process.platform }),
    ...sealedHandlers(sealedFiles),
  } satisfies IpcHandlers;
  registerIpcHandlers(ipcMain, contract);
}

/**
 * The case report printed by Chromium: the report page loaded on the app's origin in a hidden,
 * sandboxed window under the same CSP (the app:// protocol sends it), printed once laid out, closed.
 * Electron-only, so not run here; its decisions (options, readiness, the handler) are tested apart.
 */
async function printReport(hash: string): Promise<Uint8Array> {
  const window = new BrowserWindow(reportWindowOptions());
  try {
    await window.loadURL(`${APP_ENTRY_URL}${hash}`);
    await waitUntilReady(async () => (await window.webContents.executeJavaScript(REPORT_READY_PROBE)) === true);
    return new Uint8Array(await window.webContents.printToPDF(REPORT_PDF_OPTIONS));
  } finally {
    window.destroy();
  }
}
