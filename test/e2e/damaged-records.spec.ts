import { generateDemoCase } from '../../shared/demo';
import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';

// Damaged records (issue 16): one person's sealed row altered on disk. The workstation shows the rest
// of the case and names the record it could not read, instead of failing the screen.


function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

test('a person whose sealed row was altered is left out and named; the rest of the people list shows', async ({ page }) => {
  const demo = generateDemoCase({ size: 270, today: localToday() });
  const leader = demo.persons.find((p) => p.role === 'leader')!;
  const victim = demo.persons.find((p) => p.role === 'recruit')!;

  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 90_000 });
  await expect(page.getByTestId('damaged-records-banner')).toHaveCount(0);

  // One byte of the person's sealed bytes flipped, through plain IndexedDB, as someone with the disk could.
  await page.evaluate(async ({ personId, caseId }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('vigia-sealed');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise<void>((resolve, reject) => {
      const transaction = db.transaction(['persons', 'layouts'], 'readwrite');
      const store = transaction.objectStore('persons');
      const read = store.get(personId);
      // The case opens from its cached network while unchanged (an authentic copy of the people as
      // last written, in which the damaged row is not met): the cache goes too, as a damaged disk
      // might lose it, so the case's records are read and the damaged one is met.
      transaction.objectStore('layouts').delete([caseId, 'case-network']);
      read.onsuccess = () => {
        const row = read.result as Record<string, unknown>;
        const sealed = (row._sealed as Uint8Array).slice();
        sealed[sealed.length - 3]! ^= 0x10;
        store.put({ ...row, _sealed: sealed });
      };
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    db.close();
  }, { personId: victim.id, caseId: demo.cases[0]!.id });

  // Read again from the disk: the case reopens after the lock screen.
  await page.reload();
  await expect(page.getByTestId('network-status')).toHaveText(/^269 personas en 30 prisiones/, { timeout: 90_000 });

  const banner = page.getByRole('region', { name: 'Registros que no se pudieron leer' });
  await expect(banner.getByRole('alert')).toHaveText('1 registro no se pudo leer y no se muestra.');
  await expect(banner.getByRole('list', { name: 'Registros que no se muestran' }).getByRole('listitem')).toHaveText(`Persona: ${victim.id}`);
  await expect(banner).toContainText('El resto del caso se ha comprobado y se muestra con normalidad.');

  // The rest of the people list is there; the damaged person is not shown as data.
  const filter = page.getByLabel('Filtrar por cualquier nombre');
  const people = page.getByRole('list', { name: 'Personas del caso' });
  await filter.fill(leader.primaryName);
  await expect(people.getByRole('button', { name: leader.primaryName, exact: true })).toBeVisible();
  await filter.fill(victim.primaryName);
  await expect(people.getByRole('button', { name: victim.primaryName, exact: true })).toHaveCount(0);
  await filter.fill('');
  // The list is cut at 200; its count says how many people the case shows.
  await expect(page.getByText(/^200 de 269$/)).toBeVisible();

  await expectNoAccessibilityViolations(page);

  // Dismissed from the keyboard, it goes and leaves the focus in the workspace.
  await banner.getByRole('button', { name: 'Ocultar el aviso de registros no leídos' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('damaged-records-banner')).toHaveCount(0);
  await expect(page.locator('#main')).toBeFocused();
});
