import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { headerCommand } from './header-menu';

// Issue 11 in web mode: a workbook with a people sheet and a semicolon Windows-1252 communications
// CSV through the wizard (the mapping proposed from the headers, then saved in the case), the
// preview with its rejected rows, apply; an imported person found by an alias, with History naming
// the file and rows; the network with the imported links; undo the import; import again; the same
// files once more are read with the saved specification and say "nothing changed".

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/import/${name}`, import.meta.url));
const FILES = [fixture('internos.xlsx'), fixture('comunicaciones.csv')];

async function createCase(page: Page) {
  await page.goto('/');
  await page.getByLabel('Nombre del caso').fill('Operación Listas');
  await page.getByLabel('Clasificación').selectOption('RESERVADO');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('marking-banner')).toContainText('RESERVADO');
}

async function openPreview(page: Page) {
  await headerCommand(page, 'Importar hojas de cálculo');
  const dialog = page.getByRole('dialog', { name: 'Importar hojas de cálculo' });
  await dialog.getByTestId('import-files').setInputFiles(FILES);
  await dialog.getByRole('button', { name: 'Leer archivos' }).click();
  await expect(dialog.getByTestId('import-counts')).toBeVisible({ timeout: 30_000 });
  return dialog;
}

test('importing an inmate list and a communications log through the wizard, undo, re-import', async ({ page }) => {
  test.setTimeout(120_000);
  await createCase(page);

  const dialog = await openPreview(page);
  // The CSV was recognised for what a Spanish Excel writes.
  await expect(dialog.getByText('comunicaciones.csv: leído como windows-1252, separador «;».')).toBeVisible();
  await expect(dialog.getByTestId('import-count-persons')).toHaveText(/Personas\s*4\s*0\s*0\s*1/);
  await expect(dialog.getByTestId('import-count-links')).toHaveText(/Vínculos\s*3\s*0\s*0\s*1/);
  const rejected = dialog.getByTestId('import-rejected');
  await expect(rejected).toContainText('fecha incompleta (solo año o mes)');
  await expect(rejected).toContainText('no nombra a nadie del caso ni de esta importación');
  await expect(rejected.getByRole('row', { name: /comunicaciones\.csv/ })).toContainText('0099999');
  // The wizard's preview meets WCAG 2.1 AA like every screen.
  await expectNoAccessibilityViolations(page, 'dialog[open]');

  // What was detected can be overridden: read as UTF-8 the file says so, and back to detection.
  await dialog.getByLabel('Codificación del CSV').selectOption('utf-8');
  await expect(dialog.getByText('comunicaciones.csv: leído como utf-8, separador «;».')).toBeVisible();
  await dialog.getByLabel('Codificación del CSV').selectOption('');
  await expect(dialog.getByText('comunicaciones.csv: leído como windows-1252, separador «;».')).toBeVisible();
  await expect(dialog.getByTestId('import-count-persons')).toHaveText(/Personas\s*4\s*0\s*0\s*1/);

  // The proposed mapping is saved in the case under a name of the analyst's choosing.
  await dialog.getByLabel('Nombre de la especificación').fill('Listas SGIP');
  await dialog.getByRole('button', { name: 'Guardar en el caso' }).click();
  await expect(dialog.getByText('Especificación «Listas SGIP» guardada en el caso.')).toBeVisible();

  await dialog.getByTestId('import-apply').click();
  await expect(dialog.getByTestId('import-done')).toContainText('Importados');
  await dialog.getByRole('button', { name: 'Cerrar', exact: true }).last().click();

  // Found by an alias spelled differently from the file's ("Abu Yusuf" typed as Youssef).
  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Buscar' });
  await search.getByRole('textbox').fill('Abu Youssef');
  await search.getByRole('option', { name: /Youssef El Amrani/ }).click();
  const panel = page.getByRole('complementary', { name: 'Ficha de Youssef El Amrani' });
  await expect(panel.getByTestId('person-identifier')).toHaveText('0012345');
  await expect(panel.getByTestId('person-alias').first()).toHaveText('Abu Yusuf');
  // History says where the person came from: both rows with that NIS.
  await panel.getByRole('tab', { name: 'Historial' }).click();
  const origins = panel.getByTestId('audit-imported-from');
  await expect(origins.first()).toHaveText(/^Importado de internos\.xlsx \(sha-256 [0-9a-f]{12}…\), hoja internos, fila 2$/);
  await expect(origins.nth(1)).toContainText('fila 6');

  // The network shows the imported people and links (Rachid's prison was rejected: no current prison).
  await expect(page.getByTestId('network-status')).toHaveText(/^4 personas en 3 prisiones · 3 vínculos · 1 persona sin prisión actual$/, { timeout: 30_000 });

  // The whole import is one action: one undo takes it all back.
  await page.getByRole('button', { name: 'Deshacer' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^0 personas/, { timeout: 30_000 });

  // Imported again, it is all there again; the same files a third time change nothing.
  let again = await openPreview(page);
  await expect(again.getByTestId('import-count-persons')).toHaveText(/Personas\s*4\s*0\s*0\s*1/);
  await again.getByTestId('import-apply').click();
  await expect(again.getByTestId('import-done')).toContainText('Importados');
  await again.getByRole('button', { name: 'Cerrar', exact: true }).last().click();
  again = await openPreview(page);
  // The saved specification fits the files and is applied without asking.
  await expect(again.getByTestId('import-using-spec')).toHaveText('Se aplica la especificación guardada «Listas SGIP».');
  await expect(again.getByTestId('import-nothing-changed')).toHaveText('Nada ha cambiado: todo lo que contienen estos archivos ya está en el caso.');
  await expect(again.getByTestId('import-count-persons')).toHaveText(/Personas\s*0\s*0\s*4\s*1/);
  await expect(again.getByTestId('import-apply')).toHaveCount(0);
});
