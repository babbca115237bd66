import { expect, test } from './fixtures';
import { createIdentity, download, openDemoCase, openSync, receive, sendCaseTo, SLOW, trustCard } from './sync-steps';
import { headerCommand } from './header-menu';

// Issue 5 in web mode: two analysts, each with their own browser profile, exchange contact cards,
// send the demo case from Ana to Benito, Benito renames it and sends it back, and both end with the
// same case.

test('two analysts exchange cards, send the case there and back, and end with the same case', async ({ page, secondAnalyst }) => {
  test.setTimeout(240_000);
  const ana = page;
  const ben = secondAnalyst.page;

  await openDemoCase(ana);
  const caseName = (await ana.getByTestId('case-name').textContent()) ?? '';

  const anaSync = await createIdentity(ana, 'Ana García');
  const anaFingerprint = (await anaSync.getByTestId('my-fingerprint').textContent()) ?? '';
  expect(anaFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);
  const anaCard = await download(ana, () => anaSync.getByRole('button', { name: 'Exportar mi tarjeta' }).click());

  await ben.goto('/');
  const benSync = await createIdentity(ben, 'Benito Ruiz');
  const benFingerprint = (await benSync.getByTestId('my-fingerprint').textContent()) ?? '';
  const benCard = await download(ben, () => benSync.getByRole('button', { name: 'Exportar mi tarjeta' }).click());

  await trustCard(ana, benCard, 'Benito Ruiz', benFingerprint);
  await trustCard(ben, anaCard, 'Ana García', anaFingerprint);

  // Ana → Benito: the whole case.
  const toBen = await sendCaseTo(ana, 'Benito Ruiz');
  const atBen = await receive(ben, toBen);
  await expect(atBen.preview.getByRole('row', { name: /^Personas/ })).toHaveText(/Personas\s*270\s*0\s*0\s*0/);
  await expect(atBen.sync.getByTestId('bundle-marking')).toHaveText('RESERVADO'); // the demo case's marking, written on the bundle
  await atBen.sync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(atBen.sync.getByText(/^Importado: [\d.]+ registros nuevos o modificados/)).toBeVisible(SLOW);
  await atBen.sync.getByRole('button', { name: 'Abrir el caso' }).click();
  await expect(ben.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
  await expect(ben.getByTestId('case-name')).toHaveText(caseName);

  // The same bundle again changes nothing, and says so.
  await openSync(ben);
  const again = await receive(ben, toBen);
  await expect(again.sync.getByText('Este paquete ya se importó en esta estación. Importarlo otra vez no cambiaría nada.')).toBeVisible();
  await expect(again.sync.getByRole('button', { name: 'Importar', exact: true })).toBeDisabled();
  await ben.keyboard.press('Escape');

  // Benito renames the case and sends it back.
  const renamed = 'Operación Retorno';
  await headerCommand(ben, 'Ajustes del caso');
  const settings = ben.getByRole('dialog', { name: 'Ajustes del caso' });
  await settings.getByLabel('Nombre del caso').fill(renamed);
  await settings.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(ben.getByTestId('case-name')).toHaveText(renamed);
  await ben.keyboard.press('Escape');
  await openSync(ben);
  const toAna = await sendCaseTo(ben, 'Ana García');

  const atAna = await receive(ana, toAna);
  await expect(atAna.preview.getByRole('row', { name: /^Casos/ })).toHaveText(/Casos\s*0\s*1\s*0\s*0/);
  await atAna.sync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(atAna.sync.getByText(/^Importado: 1 registros nuevos o modificados/)).toBeVisible(SLOW);
  await ana.keyboard.press('Escape');
  await expect(ana.getByTestId('case-name')).toHaveText(renamed);
  await expect(ana.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/);
});
