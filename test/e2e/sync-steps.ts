import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { headerCommand } from './header-menu';

// The steps of the two-analyst sync scenarios, in the analyst's words, shared by the sync specs.

export const SLOW = { timeout: 60_000 };

/** Ana's first step in every scenario: the demo case, open on its network. */
export async function openDemoCase(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
}

export async function openSync(page: Page) {
  await headerCommand(page, 'Sincronizar');
  return page.getByRole('dialog', { name: 'Sincronizar con colegas' });
}

/** First use: the identity is made and kept under the workstation's vault (no second passphrase). */
export async function createIdentity(page: Page, name: string) {
  const sync = await openSync(page);
  await sync.getByLabel('Su nombre, tal como lo verán sus colegas').fill(name);
  await expect(sync.getByText('Su clave se guardará cifrada con la de esta estación')).toBeVisible();
  await expect(sync.getByLabel('Frase de paso', { exact: true })).toHaveCount(0);
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

/** Both analysts make their identities, export their cards and trust each other's, comparing fingerprints. */
export async function exchangeCards(a: { page: Page; name: string }, b: { page: Page; name: string }) {
  const cards = [];
  for (const { page, name } of [a, b]) {
    const sync = await createIdentity(page, name);
    const fingerprint = (await sync.getByTestId('my-fingerprint').textContent()) ?? '';
    const card = await download(page, () => sync.getByRole('button', { name: 'Exportar mi tarjeta' }).click());
    cards.push({ card, fingerprint });
  }
  await trustCard(a.page, cards[1]!.card, b.name, cards[1]!.fingerprint);
  await trustCard(b.page, cards[0]!.card, a.name, cards[0]!.fingerprint);
}

/** Sends chosen people: `choose` ticks them in the "Personas que se envían" picker. Returns the bundle's path. */
export async function sendPeopleTo(page: Page, colleague: string, choose: (picker: Locator) => Promise<void>): Promise<string> {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByRole('tab', { name: 'Enviar el caso' }).click();
  await sync.getByRole('radio', { name: /^Personas elegidas/ }).check();
  await choose(sync.getByRole('group', { name: 'Personas que se envían' }));
  await sync.getByLabel(colleague).check();
  const path = await download(page, () => sync.getByRole('button', { name: 'Crear el paquete' }).click());
  await expect(sync.getByText(/^Paquete .+\.vigia creado para/)).toBeVisible();
  return path;
}

/** Sends the open case to whoever has `passphrase` (the Send tab's passphrase mode). */
export async function sendCaseToPassphrase(page: Page, passphrase: string): Promise<string> {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByRole('tab', { name: 'Enviar el caso' }).click();
  await sync.getByLabel('Una frase de paso (compártala por otro medio)').check();
  await sync.getByLabel('Frase de paso', { exact: true }).fill(passphrase);
  const path = await download(page, () => sync.getByRole('button', { name: 'Crear el paquete' }).click());
  await expect(sync.getByText(/^Paquete .+\.vigia creado para quien tenga la frase de paso/)).toBeVisible();
  return path;
}

/** Picks a bundle on the Receive tab, whatever it asks next (a passphrase, trust, or the preview). */
export async function pickBundle(page: Page, bundlePath: string) {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByRole('tab', { name: 'Recibir un paquete' }).click();
  await upload(page, bundlePath, () => sync.getByRole('button', { name: 'Elegir un paquete…' }).click());
  return sync;
}

/** Types the passphrase a bundle was encrypted with and opens it. */
export async function typeBundlePassphrase(page: Page, passphrase: string) {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByLabel('Este paquete se cifró con una frase de paso. Escríbala:').fill(passphrase);
  await sync.getByRole('button', { name: 'Abrir el paquete' }).click();
}

/**
 * The import stopped at a signer who is not in the keyring: their fingerprint is shown, and nothing
 * goes on until the analyst says they compared it and trusts them. Returns the preview.
 */
export async function trustSigner(page: Page, colleague: string, fingerprint: string) {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await expect(sync.getByText(`${colleague} no está en su llavero.`, { exact: false })).toBeVisible(SLOW);
  await expect(sync.getByTestId('compare-fingerprint')).toHaveText(fingerprint);
  const trust = sync.getByRole('button', { name: `Confiar en ${colleague} y continuar` });
  await expect(trust).toBeDisabled();
  await expect(sync.getByTestId('bundle-preview')).toHaveCount(0);
  await sync.getByLabel(`He comparado la huella con ${colleague} y coincide`).check();
  await trust.click();
  const preview = sync.getByTestId('bundle-preview');
  await expect(preview).toBeVisible(SLOW);
  return preview;
}

/** The id of the bundle being previewed, as the preview shows it ("9C1E…"). */
export async function previewedBundleId(page: Page): Promise<string> {
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  const shown = sync.getByTestId('bundle-id');
  await expect(shown).toHaveText(/^Paquete [0-9A-F]{4}…$/);
  return ((await shown.textContent()) ?? '').replace('Paquete ', '');
}
