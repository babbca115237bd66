import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The main window. Every security-relevant web preference is stated, even where it is Electron's
 * default, so that a reader (and the test) sees the posture without knowing the defaults.
 */
export function mainWindowOptions(preloadPath: string, developerTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Vigía',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // The spell checker downloads dictionaries from the internet; the workstation is offline.
      spellcheck: false,
      devTools: developerTools,
    },
  };
}
