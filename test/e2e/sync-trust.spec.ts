import type { Page } from '@playwright/test';
import { generateDemoCase } from '../../shared/demo';
import { expect, test } from './fixtures';
import { createIdentity, openDemoCase, openSync, pickBundle, previewedBundleId, sendCaseToPassphrase, SLOW, trustSigner, typeBundlePassphrase } from './sync-steps';

// Issue 5, points 3–5 in web mode: a bundle encrypted to a passphrase, from a colleague whose card
// was never exchanged. The passphrase is asked for (a wrong one changes nothing), the unknown signer
// must be trusted explicitly, and afterwards every record says who last changed it and through
// which bundle — there and back.

const TO_BENITO = 'frase para Benito, por teléfono';
const TO_ANA = 'frase de vuelta para Ana, en persona';

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The leader of the demo case, generated as the app's worker does: a person both analysts can find. */
function demoLeader() {
  const leader = generateDemoCase({ size: 270, today: localToday() }).persons.find((p) => p.role === 'leader');
  const alias = leader?.alternateNames.find((n) => n.kind === 'alias')?.name;
  if (!leader || !alias) throw new Error('the demo case has no leader with an alias');
  return { name: leader.primaryName, alias };
}

async function openPerson(page: Page, person: { name: string; alias: string }) {
  await page.getByLabel('Filtrar por cualquier nombre').fill(person.alias);
  await page.getByRole('list', { name: 'Personas del caso' }).getByRole('button', { name: person.name }).click();
  const panel = page.getByTestId('person-panel');
  await expect(panel.getByRole('heading', { name: person.name })).toBeVisible();
  // The person's own line comes first; the links and sentences below carry theirs.
  return { panel, lastChange: panel.getByTestId('last-change').first() };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a passphrase bundle from an unknown signer: passphrase, explicit trust, and who changed what through which bundle', async ({ page, secondAnalyst }) => {
  test.setTimeout(300_000);
  const ana = page;
  const ben = secondAnalyst.page;
  const leader = demoLeader();

  await openDemoCase(ana);
  const anaSync = await createIdentity(ana, 'Ana García');
  const anaFingerprint = (await anaSync.getByTestId('my-fingerprint').textContent()) ?? '';
  expect(anaFingerprint).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);

  await ben.goto('/');
  const benSync = await createIdentity(ben, 'Benito Ruiz');
  const benFingerprint = (await benSync.getByTestId('my-fingerprint').textContent()) ?? '';
  // No cards are exchanged: each is a stranger to the other.

  const toBen = await sendCaseToPassphrase(ana, TO_BENITO);

  // A wrong passphrase: a clear message, asked again, and nothing written.
  await pickBundle(ben, toBen);
  await typeBundlePassphrase(ben, 'esta no es la frase');
  await expect(benSync.getByRole('alert')).toHaveText('La frase de paso no es correcta.', SLOW);
  await expect(benSync.getByLabel('Este paquete se cifró con una frase de paso. Escríbala:')).toHaveValue('');
  await ben.keyboard.press('Escape');
  await expect(ben.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible();
  await expect(ben.getByRole('button', { name: /^Abrir el caso / })).toHaveCount(0);

  // The right one: the signature is valid but Ana is unknown, so Benito must trust her first.
  await openSync(ben);
  await pickBundle(ben, toBen);
  await typeBundlePassphrase(ben, TO_BENITO);
  await expect(benSync.getByRole('heading', { name: `De Ana García · huella ${anaFingerprint}` })).toBeVisible(SLOW);
  const preview = await trustSigner(ben, 'Ana García', anaFingerprint);
  await expect(preview.getByRole('row', { name: /^Personas/ })).toHaveText(/Personas\s*270\s*0\s*0\s*0/);
  const firstBundle = await previewedBundleId(ben);
  await benSync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(benSync.getByText(/^Importado: [\d.]+ registros nuevos o modificados/)).toBeVisible(SLOW);
  await benSync.getByRole('button', { name: 'Abrir el caso' }).click();
  await expect(ben.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });

  // The demo records came through Ana's bundle; the line says so, with her name as she signed it.
  const atBen = await openPerson(ben, leader);
  await expect(atBen.lastChange).toHaveText(
    new RegExp(`^Último cambio: datos de demostración · .+ · por el paquete ${escape(firstBundle)} de Ana García$`),
  );
  // So does each of his links.
  await expect(atBen.panel.getByRole('region', { name: 'Vínculos' }).getByTestId('last-change').first()).toHaveText(
    new RegExp(`^Último cambio: datos de demostración · .+ · por el paquete ${escape(firstBundle)} de Ana García$`),
  );

  // Benito changes the leader's role: his own line names him and this workstation.
  await atBen.panel.getByRole('group', { name: 'Acciones sobre la ficha' }).getByRole('button', { name: 'Editar', exact: true }).click();
  const editDialog = ben.getByRole('dialog', { name: `Editar a ${leader.name}` });
  await editDialog.getByLabel('Papel en la red').selectOption('unknown');
  await editDialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(editDialog).toBeHidden();
  await expect(atBen.lastChange).toHaveText(/^Último cambio: Benito Ruiz \(esta estación\) · .+$/);

  // …and sends it back, to a passphrase again. Now Ana meets an unknown signer.
  await ben.keyboard.press('Escape');
  await openSync(ben);
  const toAna = await sendCaseToPassphrase(ben, TO_ANA);
  await ana.keyboard.press('Escape');
  await openSync(ana);
  await pickBundle(ana, toAna);
  await typeBundlePassphrase(ana, TO_ANA);
  const back = await trustSigner(ana, 'Benito Ruiz', benFingerprint);
  // Ana's bundle named no one (a passphrase), but Benito's says it arrived there: only he changed the
  // field since, so it is a change, not a conflict.
  await expect(back.getByRole('row', { name: /^Personas/ })).toHaveText(/^Personas\s*0\s*1\s*0\s*0$/);
  const secondBundle = await previewedBundleId(ana);
  expect(secondBundle).not.toBe(firstBundle);
  await anaSync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(anaSync.getByText(/^Importado: 1 registros nuevos o modificados/)).toBeVisible(SLOW);
  await ana.keyboard.press('Escape');

  // At Ana's, the leader was last changed by Benito, on his workstation, through his bundle.
  const atAna = await openPerson(ana, leader);
  await expect(atAna.lastChange).toHaveText(
    new RegExp(`^Último cambio: Benito Ruiz \\(estación [0-9A-F]{4}…\\) · .+ · por el paquete ${escape(secondBundle)} de Benito Ruiz$`),
  );
  // History keeps the value that was replaced, with the bundle it was replaced from and who signed it.
  await atAna.panel.getByRole('tab', { name: 'Historial' }).click();
  const merged = atAna.panel.getByTestId('audit-entry').filter({ has: ana.getByTestId('bundle-origin') }).first();
  await expect(merged.getByTestId('bundle-origin')).toHaveText(
    `Llegó en el paquete ${secondBundle} de Benito Ruiz; lo tachado es el valor que sustituyó al fusionarlo`,
  );
  await expect(merged.getByTestId('audit-change')).toHaveText(/Cabecilla\s*→\s*Sin determinar/);
});
