import { fileURLToPath } from 'node:url';
import { BrowserWindow, app, powerMonitor, session } from 'electron';
import { EVENT_CHANNELS } from '../../shared/ipc/contract';
import { APP_ENTRY_URL } from './app-origin';
import { installNavigationGuards } from './guards/navigation';
import { wireInvokeHandlers } from './ipc-wiring';
import { menuLanguageForLocale } from './menu/menu-labels';
import { installApplicationMenu } from './menu-wiring';
import { installLockTriggers } from './lock-triggers';
import { hardenSession, registerAppScheme } from './session-wiring';
import { mainWindowOptions } from './window/window-options';

// DevTools and reload exist only in an unpackaged build started with VIGIA_DEVTOOLS=1.
const developerTools = !app.isPackaged && process.env['VIGIA_DEVTOOLS'] === '1';
const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

let mainWindow: BrowserWindow | undefined;
const currentWindow = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : undefined);

app.enableSandbox();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const window = currentWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  // Guards on every web contents the app ever creates, not only the main window's.
  app.on('web-contents-created', (_event, contents) => {
    installNavigationGuards(contents, (kind, url) => console.warn(`[vigia] ${kind} blocked: ${url}`));
  });

  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, rendererRoot, developerTools);
    const menu = installApplicationMenu(menuLanguageForLocale(app.getLocale()), developerTools, currentWindow);
    wireInvokeHandlers(currentWindow, (language) => menu.setLanguage(language));
    installLockTriggers(powerMonitor, (command) => currentWindow()?.webContents.send(EVENT_CHANNELS.menuCommand, command));
    openMainWindow();
  });
}

function openMainWindow(): void {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, developerTools));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined;
  });
  void window.loadURL(APP_ENTRY_URL);
}
