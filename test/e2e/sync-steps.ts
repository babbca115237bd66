import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// The steps of the two-analyst sync scenarios, in the analyst's words, shared by the sync specs.

export const PASSPHRASE = 'una frase de paso larga';
export const SLOW = { timeout: 60_000 };

export async function openSync(page: Page) {
  await page.getByRole('button', { name: 'Sincronizar', exact: true }).click();
  return page.getByRole('dialog', { name: 'Sincronizar con colegas' });
}

/** First use: the identity is made and wrapped with a passphrase (scrypt runs in a worker). */
export async function createIdentity(page: Page, name: string) {
  const sync = await openSync(page);
  await sync.getByLabel('Su nombre, tal como lo verán sus colegas').fill(name);
  await sync.getByLabel('Frase de paso', { exact: true }).fill(PASSPHRASE);
  await sync.getByLabel('Repita la frase de paso').fill(PASSPHRASE);
  await sync.getByRole('button', { name: 'Crear mi identidad' }).click();
  await expect(sync.getByRole('heading', { name: 'Mi tarjeta de contacto' })).toBeVisible(SLOW);
  return sync;
}

/** Saves what a button downloads and returns its path on disk. */
export async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download', SLOW), click()]);
  return file.path();
}

export async function upload(page: Page, path: string, click: () => Promise<void>) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', SLOW), click()]);
  await chooser.setFiles(path);
}

export async function trustCard(page: Page, cardPath: string, colleague: string, fingerprint: string) {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await upload(page, cardPath, () => sync.getByRole('button', { name: 'Importar la tarjeta de un colega…' }).click());
  await expect(sync.getByTestId('compare-fingerprint')).toHaveText(fingerprint);
  const trust = sync.getByRole('button', { name: `Confiar en ${colleague}` });
  await expect(trust).toBeDisabled();
  await sync.getByLabel(`He comparado la huella con ${colleague} y coincide`).check();
  await trust.click();
  await expect(sync.getByRole('list', { name: 'Colegas de confianza' })).toContainText(colleague);
}

export async function sendCaseTo(page: Page, colleague: string): Promise<string> {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByRole('tab', { name: 'Enviar el caso' }).click();
  await sync.getByLabel(colleague).check();
  const path = await download(page, () => sync.getByRole('button', { name: 'Crear el paquete' }).click());
  await expect(sync.getByText(/^Paquete .+\.vigia creado para/)).toBeVisible();
  return path;
}

export async function receive(page: Page, bundlePath: string) {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByRole('tab', { name: 'Recibir un paquete' }).click();
  await upload(page, bundlePath, () => sync.getByRole('button', { name: 'Elegir un paquete…' }).click());
  const preview = sync.getByTestId('bundle-preview');
  await expect(preview).toBeVisible(SLOW);
  return { sync, preview };
}
