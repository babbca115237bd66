import { generateDemoCase } from '../../shared/demo';
import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { exchangeCards, openDemoCase, openSync, receive, sendCaseTo, SLOW } from './sync-steps';

// Issue 16, a damaged record repaired from a colleague's bundle: one person's sealed row at Ben's is
// altered on disk; Ben's workstation names it and shows the rest; the next bundle from Ana carries
// the person, and importing it writes the good copy over the damaged row, says so, and journals it.

const demo = generateDemoCase({ size: 270, today: '2025-06-01' });
const victim = demo.persons.find((p) => p.role === 'recruit')!;

test('a person damaged on disk is replaced by the copy in a colleague’s bundle, said and journalled', async ({ page, secondAnalyst }) => {
  test.setTimeout(300_000);
  const ana = page;
  const ben = secondAnalyst.page;

  await openDemoCase(ana);
  await ben.goto('/');
  await exchangeCards({ page: ana, name: 'Ana García' }, { page: ben, name: 'Benito Ruiz' });
  const first = await sendCaseTo(ana, 'Benito Ruiz');
  const atBen = await receive(ben, first);
  await atBen.sync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(atBen.sync.getByText(/^Importado: [\d.]+ registros nuevos o modificados/)).toBeVisible(SLOW);
  await atBen.sync.getByRole('button', { name: 'Abrir el caso' }).click();
  await expect(ben.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });

  // One byte of the person's sealed bytes flipped through plain IndexedDB, as someone with the disk could;
  // the cached network goes too, so that the case's records are read and the damaged one is met.
  const caseId = await ben.evaluate(async (personId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vigia-sealed');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const found = await new Promise<string>((resolve, reject) => {
      const transaction = db.transaction(['persons', 'layouts'], 'readwrite');
      const store = transaction.objectStore('persons');
      const read = store.get(personId);
      let caseOfVictim = '';
      read.onsuccess = () => {
        const row = read.result as Record<string, unknown>;
        caseOfVictim = row.caseId as string;
        const sealed = (row._sealed as Uint8Array).slice();
        sealed[sealed.length - 3]! ^= 0x10;
        store.put({ ...row, _sealed: sealed });
        transaction.objectStore('layouts').delete([caseOfVictim, 'case-network']);
      };
      transaction.oncomplete = () => resolve(caseOfVictim);
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
    return found;
  }, victim.id);
  expect(caseId).toBe(demo.cases[0]!.id);
  await ben.reload();
  await expect(ben.getByTestId('network-status')).toHaveText(/^269 personas en 30 prisiones/, { timeout: 90_000 });
  const banner = ben.getByRole('region', { name: 'Registros que no se pudieron leer' });
  await expect(banner.getByRole('alert')).toHaveText('1 registro no se pudo leer y no se muestra.');

  // Ana sends the case again; Ben imports it.
  await ana.keyboard.press('Escape');
  await openSync(ana);
  const second = await sendCaseTo(ana, 'Benito Ruiz');
  await openSync(ben);
  const again = await receive(ben, second);
  await again.sync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(again.sync.getByTestId('receive-repaired')).toHaveText('1 registro dañado en esta estación se ha sustituido por la copia del paquete.', SLOW);
  await expectNoAccessibilityViolations(ben);
  await again.sync.getByRole('button', { name: 'Abrir el caso' }).click();
  await expect(ben.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
  await expect(ben.getByTestId('damaged-records-banner')).toHaveCount(0);

  // The person reads again, and History says what became of the damaged row.
  await ben.keyboard.press('Control+k');
  const search = ben.getByRole('dialog', { name: 'Buscar' });
  await search.getByRole('textbox').pressSequentially(victim.primaryName.toLowerCase());
  await search.getByRole('group', { name: 'Personas' }).getByRole('option').filter({ hasText: victim.primaryName }).first().click();
  const panel = ben.getByTestId('person-panel');
  await expect(panel.getByRole('heading', { name: victim.primaryName })).toBeVisible();
  await panel.getByRole('tab', { name: 'Historial' }).click();
  await expect(panel.getByTestId('audit-repaired')).toHaveText('Estaba dañado en esta estación (no se podía leer): sustituido por la copia del paquete.');
});
