import { expect, test } from './fixtures';
import { headerCommand } from './header-menu';

// Issue 3, point 3: the built-in gazetteer plus the analyst's own prisons, and modules inside a prison.

test("a case's prisons: one from the gazetteer, one of the analyst's own with modules, refused then saved, undone", async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nombre del caso').fill('Operación Muro');
  await page.getByLabel('Clasificación').selectOption('CONFIDENCIAL');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Muro');

  await headerCommand(page, 'Prisiones');
  const dialog = page.getByRole('dialog', { name: 'Prisiones del caso' });
  await expect(dialog.getByText('CONFIDENCIAL')).toBeVisible();
  await expect(dialog.getByText('El caso aún no tiene prisiones.')).toBeVisible();

  await dialog.getByLabel('Prisión del nomenclátor').selectOption({ label: 'Centro Penitenciario de Córdoba (Córdoba)' });
  await dialog.getByRole('button', { name: 'Añadir', exact: true }).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Centro Penitenciario de Córdoba' })).toContainText('del nomenclátor');

  await dialog.getByRole('button', { name: 'Nueva prisión propia' }).click();
  const form = dialog.getByRole('form', { name: 'Nueva prisión' });
  await form.getByLabel('Nombre').fill('Centro de detención provisional');
  await form.getByLabel('Provincia').fill('Madrid');
  await form.getByLabel('Latitud (grados decimales)').fill('40°N');
  await form.getByLabel('Módulos (uno por línea)').fill('Módulo 1\nAislamiento');
  await form.getByRole('button', { name: 'Guardar' }).click();
  // Refused inline, the bad field focused, nothing typed lost.
  await expect(form.getByText(/Escriba grados decimales/)).toBeVisible();
  await expect(form.getByLabel('Latitud (grados decimales)')).toBeFocused();
  await expect(form.getByLabel('Nombre')).toHaveValue('Centro de detención provisional');

  await form.getByLabel('Latitud (grados decimales)').fill('40,4168');
  await form.getByRole('button', { name: 'Guardar' }).click();
  const own = dialog.getByRole('listitem').filter({ hasText: 'Centro de detención provisional' });
  await expect(own).toContainText('Madrid · propia');
  await expect(own).toContainText('2 módulos: Módulo 1, Aislamiento');

  // Editing the modules is one undoable action.
  await dialog.getByRole('button', { name: 'Editar Centro de detención provisional' }).click();
  const edit = dialog.getByRole('form', { name: 'Editar Centro de detención provisional' });
  await edit.getByLabel('Módulos (uno por línea)').fill('Módulo 1\nAislamiento\nEnfermería');
  await edit.getByRole('button', { name: 'Guardar' }).click();
  await expect(own).toContainText('3 módulos: Módulo 1, Aislamiento, Enfermería');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Deshacer' }).click();
  await headerCommand(page, 'Prisiones');
  await expect(own).toContainText('2 módulos: Módulo 1, Aislamiento');
});
