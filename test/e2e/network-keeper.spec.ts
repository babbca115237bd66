import { expect, test } from './fixtures';
import { headerCommand } from './header-menu';
import { openDemoCase } from './sync-steps';

// Issue 16's opening goal, as a user meets it: a case changed while it was not open is brought up to
// date in the background (features/network/network-keeper.ts), so it opens from its cached network.

/** What the network keeper's worker reported, in order (the `vigia:network-kept` marks). */
const kept = (page: import('@playwright/test').Page) =>
  page.evaluate(() => performance.getEntriesByName('vigia:network-kept').map((entry) => (entry as PerformanceMark).detail as { caseId: string; found: string }));

test('a case changed while closed is brought up to date in the background, and opens', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemoCase(page);
  const caseName = (await page.getByTestId('case-name').textContent()) ?? '';

  // Deleted and restored from the case picker: two changes to the case while it is not open.
  await headerCommand(page, 'Ajustes del caso');
  const settings = page.getByRole('dialog', { name: 'Ajustes del caso' });
  await settings.getByRole('button', { name: 'Eliminar caso' }).click();
  await settings.getByRole('button', { name: 'Sí, eliminar' }).click();
  const deleted = page.getByRole('region', { name: 'Casos eliminados' });
  await deleted.getByRole('button', { name: `Restaurar el caso ${caseName}` }).click();
  await expect(deleted).toBeHidden();

  // The keeper waits for the workstation to be still, then reads the case in its worker and caches it.
  await expect.poll(async () => (await kept(page)).map((k) => k.found), { timeout: 60_000 }).toContain('cached');
  expect((await kept(page)).filter((k) => k.found === 'cached')).toHaveLength(1);

  await page.getByRole('button', { name: `Abrir el caso ${caseName}` }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/);
});
