import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/**
 * Every security-relevant web preference of the app's windows, stated even where it is Electron's
 * default, so that a reader (and the test) sees the posture without knowing the defaults.
 */
export function secureWebPreferences(developerTools: boolean): WebPreferences {
  return {
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
  };
}

/** The main window: the app's secure preferences and the preload that installs the bridge. */
export function mainWindowOptions(preloadPath: string, developerTools: boolean): BrowserWindowConstructorOptions {
  return {
    title: 'Vigía',
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f4f5f7',
    webPreferences: { preload: preloadPath, ...secureWebPreferences(developerTools) },
  };
}
