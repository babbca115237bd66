import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ElectronApplication, type Page, expect, test } from '@playwright/test';
import { createIdentity, openSync, SLOW, typeBundlePassphrase } from '../e2e/sync-steps';
import { NOT_RUN_LINE, electronExecutable, ensureElectronBuild, launchWorkstation } from './launch-electron';

// Issue 5, speed in the desktop app: a bundle is exported and imported again in the real app, sealed
// and unsealed by node:crypto in the bundle-crypto utility process. Main's dialogs are answered by
// the test (Playwright cannot click native dialogs); everything else is the analyst's UI.

const executable = electronExecutable();
const PASSPHRASE = 'frase de paso para la memoria USB';
const UTILITY = 'Vigía bundle crypto';

if (executable === undefined) {
  console.log(NOT_RUN_LINE);
} else {
  test.describe('bundles through the utility process', () => {
    let app: ElectronApplication;
    let page: Page;
    let folder: string;

    test.beforeAll(async () => {
      ensureElectronBuild();
      folder = mkdtempSync(path.join(tmpdir(), 'vigia-electron-bundles-'));
      app = await launchWorkstation(executable);
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    });

    test.afterAll(async () => {
      await app?.close();
      rmSync(folder, { recursive: true, force: true });
    });

    const stages = () => readdirSync(tmpdir()).filter((name) => name.startsWith('vigia-stage-'));
    const utilityRunning = () => app.evaluate(({ app: electronApp }, name) => electronApp.getAppMetrics().some((p) => p.type === 'Utility' && p.serviceName === name), UTILITY);

    test('exports the case sealed by the utility process and opens it again', async () => {
      await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
      await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
      const sync = await createIdentity(page, 'Ana García');

      const bundle = path.join(folder, 'caso.vigia');
      await app.evaluate(({ dialog }, filePath) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath })) as typeof dialog.showSaveDialog;
        dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [filePath] })) as typeof dialog.showOpenDialog;
      }, bundle);

      await sync.getByRole('tab', { name: 'Enviar el caso' }).click();
      await sync.getByLabel('Una frase de paso (compártala por otro medio)').check();
      await sync.getByLabel('Frase de paso', { exact: true }).fill(PASSPHRASE);
      await sync.getByRole('button', { name: 'Crear el paquete' }).click();
      await expect(sync.getByText(/^Paquete caso\.vigia creado para quien tenga la frase de paso/)).toBeVisible(SLOW);
      expect(await utilityRunning()).toBe(true);
      // An age file encrypted to a passphrase, complete: no partial file is left beside it.
      expect(readFileSync(bundle).subarray(0, 30).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt /);
      expect(readdirSync(folder)).toEqual(['caso.vigia']);

      const stagesBefore = stages();
      await page.keyboard.press('Escape');
      await openSync(page);
      await sync.getByRole('tab', { name: 'Recibir un paquete' }).click();
      await sync.getByRole('button', { name: 'Elegir un paquete…' }).click();
      // age's refusal, from the utility process, reads as in the browser.
      await typeBundlePassphrase(page, 'esta no es la frase');
      await expect(sync.getByRole('alert')).toHaveText('La frase de paso no es correcta.', SLOW);
      await typeBundlePassphrase(page, PASSPHRASE);
      await expect(sync.getByTestId('bundle-preview')).toBeVisible(SLOW);
      await expect(sync.getByTestId('bundle-preview').getByRole('row', { name: /^Personas/ })).toBeVisible();
      // The staged plaintext was deleted once the worker had checked it.
      await expect.poll(() => stages().filter((name) => !stagesBefore.includes(name))).toEqual([]);
    });
  });
}
