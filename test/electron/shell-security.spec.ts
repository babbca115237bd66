import { type ElectronApplication, type Page, expect, test } from '@playwright/test';
import { BRIDGE_GLOBAL } from '../../shared/ipc/contract';
import { NOT_RUN_LINE, electronExecutable, ensureElectronBuild, launchWorkstation } from './launch-electron';

const executable = electronExecutable();

if (executable === undefined) {
  console.log(NOT_RUN_LINE);
} else {
  test.describe('hardened Electron shell', () => {
    let app: ElectronApplication;
    let page: Page;

    test.beforeAll(async () => {
      ensureElectronBuild();
      app = await launchWorkstation(executable);
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    });

    test.afterAll(async () => {
      await app?.close();
    });

    test('loads the app from app://vigia with the CSP header', async () => {
      expect(page.url()).toMatch(/^app:\/\/vigia\//);
      const headers = await page.evaluate(async () => {
        const response = await fetch('/index.html');
        return {
          status: response.status,
          csp: response.headers.get('content-security-policy'),
          nosniff: response.headers.get('x-content-type-options'),
        };
      });
      expect(headers.status).toBe(200);
      expect(headers.csp).toContain("default-src 'self'");
      expect(headers.nosniff).toBe('nosniff');
    });

    test('refuses path traversal through the protocol', async () => {
      const status = await page.evaluate(async () => (await fetch('/assets/..%2f..%2f..%2fpackage.json')).status);
      expect(status).toBe(403);
    });

    test('the bridge exposes only the contract functions, and no Node', async () => {
      const surface = await page.evaluate((global) => {
        const bridge = (window as unknown as Record<string, Record<string, unknown>>)[global] ?? {};
        return {
          keys: Object.keys(bridge).sort(),
          kinds: Object.fromEntries(Object.entries(bridge).map(([key, value]) => [key, typeof value])),
          require: typeof (window as unknown as { require?: unknown }).require,
          process: typeof (window as unknown as { process?: unknown }).process,
          ipcRenderer: 'ipcRenderer' in window,
        };
      }, BRIDGE_GLOBAL);
      const functions = [
        'appInfo',
        'closeFile',
        'finishLargeSave',
        'onMenuCommand',
        'openFile',
        'openLargeFile',
        'readFile',
        'saveFile',
        'sealSecret',
        'setMenuLanguage',
        'startLargeSave',
        'startSealedSave',
        'unsealLargeFile',
        'unsealSecret',
        'writeLargeSave',
      ];
      expect(surface.keys).toEqual([...functions, 'platform'].sort());
      expect(surface.kinds).toEqual({ ...Object.fromEntries(functions.map((name) => [name, 'function'])), platform: 'string' });
      expect(surface.require).toBe('undefined');
      expect(surface.process).toBe('undefined');
      expect(surface.ipcRenderer).toBe(false);
    });

    test('main answers the app page through the bridge and refuses bad arguments', async () => {
      const answers = await page.evaluate(async (global) => {
        const bridge = (window as unknown as Record<string, { appInfo(): Promise<{ platform: string }>; saveFile(r: unknown): Promise<unknown> }>)[global];
        if (!bridge) throw new Error('no bridge');
        return {
          info: await bridge.appInfo(),
          badName: await bridge.saveFile({ suggestedName: '../../.bashrc', bytes: new Uint8Array([1]) }),
        };
      }, BRIDGE_GLOBAL);
      expect(answers.info.platform).toBe('electron');
      expect(answers.badName).toEqual({ ok: false, error: 'invalid_argument' });
    });

    test('navigation away from the app is blocked', async () => {
      const before = page.url();
      await page.evaluate(() => {
        window.location.href = 'https://example.org/';
      });
      await page.waitForTimeout(1_000);
      expect(page.url()).toBe(before);
      await page.evaluate(() => {
        window.location.assign('file:///etc/passwd');
      });
      await page.waitForTimeout(1_000);
      expect(page.url()).toBe(before);
    });

    test('window.open is denied', async () => {
      const opened = await page.evaluate(() => window.open('https://example.org/') === null);
      expect(opened).toBe(true);
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(1);
    });

    test('requests to http(s) are cancelled by the session', async () => {
      // From the page (CSP and the request filter both stand in the way)…
      const fromPage = await page.evaluate(async () => {
        try {
          await fetch('https://example.org/');
          return 'loaded';
        } catch {
          return 'blocked';
        }
      });
      expect(fromPage).toBe('blocked');
      // …and from a fresh window with no CSP at all: only the request filter can stop this one.
      const fromMain = await app.evaluate(async ({ BrowserWindow }) => {
        const probe = new BrowserWindow({ show: false });
        try {
          await probe.loadURL('http://127.0.0.1:9/');
          return 'loaded';
        } catch (error) {
          return error instanceof Error ? error.message : String(error);
        } finally {
          probe.destroy();
        }
      });
      expect(fromMain).toContain('ERR_BLOCKED_BY_CLIENT');
    });

    test('permissions are denied', async () => {
      const states = await page.evaluate(async () => ({
        geolocation: (await navigator.permissions.query({ name: 'geolocation' })).state,
        notifications: await Notification.requestPermission(),
      }));
      expect(states).toEqual({ geolocation: 'denied', notifications: 'denied' });
    });

    test('the native menu offers the main actions', async () => {
      const ids = await app.evaluate(({ Menu }) => {
        const menu = Menu.getApplicationMenu();
        return ['new-case', 'open-demo-case', 'close-case', 'language-es', 'language-en', 'about'].filter(
          (id) => menu?.getMenuItemById(id) != null,
        );
      });
      expect(ids).toEqual(['new-case', 'open-demo-case', 'close-case', 'language-es', 'language-en', 'about']);
    });
  });
}
