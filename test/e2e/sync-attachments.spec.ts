import { generateDemoCase } from '../../shared/demo';
import { expect, test } from './fixtures';
import { exchangeCards, openDemoCase, receive, sendCaseTo, SLOW } from './sync-steps';

// Issue 5, attachments across the air gap in web mode: the bundle worker stages the decrypted ZIP in a
// Blob, verifies it, and hands the page each attachment as a slice of it, which goes to IndexedDB as
// it is. The colleague must see the very same image, even though its bytes carry ZIP signatures.

/** A 1×1 PNG followed by ZIP signatures (browsers ignore bytes after IEND; naive ZIP readers do not). */
const PNG_WITH_ZIP_SIGNATURES = Buffer.concat([
  Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64'),
  Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x50, 0x4b, 0x01, 0x02, 0x50, 0x4b, 0x05, 0x06]),
]);

function demoLeader() {
  const leader = generateDemoCase({ size: 270, today: '2025-06-01' }).persons.find((p) => p.role === 'leader');
  if (!leader) throw new Error('the demo has no leader');
  return leader.primaryName;
}

async function openPerson(page: import('@playwright/test').Page, name: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Buscar' });
  await dialog.getByRole('textbox').pressSequentially(name.toLowerCase());
  await dialog.getByRole('group', { name: 'Personas' }).getByRole('option').filter({ hasText: name }).first().click();
  const panel = page.getByTestId('person-panel');
  await expect(panel.getByRole('heading', { name })).toBeVisible();
  await panel.getByRole('tab', { name: 'Adjuntos' }).click();
  return panel;
}

test('an attachment sent in a bundle arrives byte for byte and previews at the colleague', async ({ page, secondAnalyst }) => {
  test.setTimeout(240_000);
  const ana = page;
  const ben = secondAnalyst.page;
  const leader = demoLeader();

  await openDemoCase(ana);
  const atAna = await openPerson(ana, leader);
  const chooser = ana.waitForEvent('filechooser');
  await atAna.getByRole('button', { name: 'Adjuntar archivo' }).click();
  await (await chooser).setFiles({ name: 'carta.png', mimeType: 'image/png', buffer: PNG_WITH_ZIP_SIGNATURES });
  await expect(atAna.getByText('carta.png', { exact: true })).toBeVisible();
  await ana.keyboard.press('Escape');

  await ben.goto('/');
  await exchangeCards({ page: ana, name: 'Ana García' }, { page: ben, name: 'Benito Ruiz' });
  const bundle = await sendCaseTo(ana, 'Benito Ruiz');
  const { sync } = await receive(ben, bundle);
  await sync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(sync.getByText(/^Importado: [\d.]+ registros nuevos o modificados/)).toBeVisible(SLOW);
  await sync.getByRole('button', { name: 'Abrir el caso' }).click();
  await expect(ben.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });

  const atBen = await openPerson(ben, leader);
  await atBen.getByRole('button', { name: 'Ver carta.png' }).click();
  const image = atBen.getByRole('img', { name: 'carta.png' });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth), SLOW).toBe(1);
  // The stored bytes are the sent bytes, signatures after the image included.
  const stored = await image.evaluate(async (img: HTMLImageElement) => Array.from(new Uint8Array(await (await fetch(img.src)).arrayBuffer())));
  expect(stored).toEqual([...PNG_WITH_ZIP_SIGNATURES]);
});
