import type { Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { headerCommand } from './header-menu';

// "What did we know on that day?": a case opened three days ago with two people; today one is
// renamed and a third recorded (deletions undone are proved in renderer/db/history). Known on yesterday, every screen shows the case
// of three days ago, read-only, under a past-state banner; back to today, the edits are there.
// The page's clock is set back while the case is built (the writes happen in the page).

const DAY = 24 * 60 * 60 * 1000;
const ONE_PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function newPerson(page: Page, name: string) {
  await page.getByRole('button', { name: 'Nueva persona' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nueva persona' });
  await dialog.getByLabel('Nombre principal').fill(name);
  await dialog.getByRole('button', { name: 'Guardar' }).click();
  await expect(dialog).toBeHidden();
}

const isoDay = (time: number) => {
  const d = new Date(time);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('set "known on" to yesterday: the old name everywhere, under a past-state banner, read-only; back to today', async ({ page }) => {
  test.setTimeout(120_000);
  const now = Date.now();
  await page.clock.setFixedTime(new Date(now - 3 * DAY));
  await page.goto('/');
  await page.getByLabel('Nombre del caso').fill('Operación Frontera');
  await page.getByLabel('Clasificación').selectOption('RESERVADO');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await newPerson(page, 'Karim Tahiri');
  // His photograph, attached then: it prints on his sheet of the report.
  const karimPanel = page.getByRole('complementary', { name: 'Ficha de Karim Tahiri' });
  await karimPanel.getByRole('tab', { name: 'Adjuntos' }).click();
  const chooser = page.waitForEvent('filechooser');
  await karimPanel.getByRole('button', { name: 'Adjuntar archivo' }).click();
  await (await chooser).setFiles({ name: 'karim.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
  await expect(karimPanel.getByText('karim.png', { exact: true })).toBeVisible();
  await newPerson(page, 'Yusuf Amrani');

  // Today: Karim renamed, Nadia recorded.
  await page.clock.setFixedTime(new Date(now));
  const people = page.getByRole('list', { name: 'Personas del caso' });
  await people.getByRole('button', { name: 'Karim Tahiri' }).click();
  const karim = page.getByRole('complementary', { name: 'Ficha de Karim Tahiri' });
  await karim.getByRole('button', { name: 'Editar', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Editar a Karim Tahiri' });
  await edit.getByLabel('Nombre principal').fill('Karim Benali');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(edit).toBeHidden();
  await newPerson(page, 'Nadia Rahmani');
  await expect(people.getByRole('button', { name: 'Karim Benali' })).toBeVisible();

  // Known on yesterday.
  await headerCommand(page, 'Caso conocido el…');
  const dialog = page.getByRole('dialog', { name: 'El caso tal como se conocía' });
  await dialog.getByLabel('Conocido al final del día').fill(isoDay(now - DAY));
  await dialog.getByRole('button', { name: 'Mostrar' }).click();

  const banner = page.getByRole('region', { name: 'Estado pasado' });
  await expect(banner).toContainText('Estado pasado, solo lectura.');
  await expect(people.getByRole('button', { name: 'Karim Tahiri' })).toBeVisible();
  await expect(people.getByRole('button', { name: 'Yusuf Amrani' })).toBeVisible();
  await expect(people.getByRole('button', { name: 'Karim Benali' })).toHaveCount(0);
  await expect(people.getByRole('button', { name: 'Nadia Rahmani' })).toHaveCount(0);
  // The panel shows the old name too, and nothing can be edited: no editing toolbar, editors refused.
  await people.getByRole('button', { name: 'Karim Tahiri' }).click();
  const pastKarim = page.getByRole('complementary', { name: 'Ficha de Karim Tahiri' });
  await expect(pastKarim.getByRole('heading', { name: 'Karim Tahiri' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nueva persona' })).toHaveCount(0);
  await pastKarim.getByRole('button', { name: 'Editar', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Editar a Karim Tahiri' })).toHaveCount(0);
  await expect(banner).toContainText('Un estado pasado no se modifica');
  // Search reads the past too.
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Buscar' });
  await search.getByRole('textbox').fill('Tahiri');
  await expect(search.getByRole('option', { name: /Karim Tahiri/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectNoAccessibilityViolations(page);

  // The report made now is of that past: the old name, the state on its cover, and the export noted.
  await headerCommand(page, 'Informe para la fiscalía…');
  const reportDialog = page.getByRole('dialog', { name: 'Informe del caso' });
  const [report] = await Promise.all([page.context().waitForEvent('page'), reportDialog.getByRole('button', { name: 'Abrir el informe' }).click()]);
  await expect(report.getByTestId('report-ready')).toBeVisible({ timeout: 60_000 });
  await expect(report.getByText(/^Tal como se conocía al final del .* \(estado pasado\)$/)).toBeVisible();
  await expect(report.getByText('Karim Tahiri').first()).toBeVisible();
  await expect(report.getByRole('img', { name: 'Fotografía de Karim Tahiri' })).toBeVisible();
  expect(await report.getByRole('img', { name: 'Fotografía de Karim Tahiri' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  await expect(report.getByText('Nadia Rahmani')).toHaveCount(0);
  await expect(report.getByRole('img', { name: /^Cronología del caso por persona, parte 1 de 1:/ })).toBeVisible();
  await report.close();
  await reportDialog.getByRole('button', { name: 'Cerrar' }).click();

  // Before the case existed here, it says so instead of showing an empty case.
  await banner.getByRole('button', { name: 'Otra fecha…' }).click();
  // Dialogs cover the banner: they say it themselves.
  await expect(dialog.getByTestId('dialog-past-state')).toContainText('Estado pasado, solo lectura');
  await dialog.getByLabel('Conocido al final del día').fill(isoDay(now - 5 * DAY));
  await dialog.getByRole('button', { name: 'Mostrar' }).click();
  await expect(page.getByRole('alert')).toContainText('El caso aún no estaba en esta estación');

  // Back to today: the edits are there and the banner is gone.
  await page.getByRole('button', { name: 'Volver a hoy' }).click();
  await expect(banner).toHaveCount(0);
  await expect(people.getByRole('button', { name: 'Karim Benali' })).toBeVisible();
  await expect(people.getByRole('button', { name: 'Nadia Rahmani' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nueva persona' })).toBeVisible();

  // What changed since two days ago: Karim renamed, Nadia added, each with who; from Karim's entry,
  // his record as it was then.
  await headerCommand(page, 'Caso conocido el…');
  await dialog.getByLabel('Tras el día').fill(isoDay(now - 2 * DAY));
  await dialog.getByRole('button', { name: 'Comparar' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'cambiaron' })).toHaveText('2 registros cambiaron.');
  const changes = dialog.getByTestId('record-changes');
  await expect(changes.filter({ hasText: 'Modificado · Karim Benali' }).getByTestId('audit-change')).toContainText('Karim Tahiri');
  await expect(changes.filter({ hasText: 'Añadido · Nadia Rahmani' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await changes.filter({ hasText: 'Modificado · Karim Benali' }).getByRole('button', { name: /^Ver Modificado · Karim Benali el / }).first().click();
  await expect(banner).toContainText('Estado pasado, solo lectura.');
  await expect(page.getByRole('complementary', { name: 'Ficha de Karim Tahiri' })).toBeVisible();
});
