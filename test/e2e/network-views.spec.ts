import { overlappingNames, prisonNames } from './drawn-names';
import { expect, test } from './fixtures';

// Issue 4, the network views: the prison level, expanding a prison, filtering to letters, exporting.

const linkCount = (text: string | null) => Number(/· ([\d.]+) vínculos?/.exec(text ?? '')?.[1]?.replace(/\./g, '') ?? NaN);

test('switch to prisons, expand one, keep only letters, export the view as PNG', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  const status = page.getByTestId('network-status');
  await expect(status).toHaveText(/^270 personas en 30 prisiones · [\d.]+ vínculos$/, { timeout: 45_000 });
  const allLinks = linkCount(await status.textContent());
  expect(allLinks).toBeGreaterThan(0);

  // The view switch is a radio group: the keyboard moves through it.
  const views = page.getByRole('radiogroup', { name: 'Vista de la red' });
  await expect(views.getByRole('radio', { name: 'Por prisión' })).toHaveAttribute('aria-checked', 'true');
  await views.getByRole('radio', { name: 'Por prisión' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(views.getByRole('radio', { name: 'Prisiones' })).toHaveAttribute('aria-checked', 'true');
  await expect(views.getByRole('radio', { name: 'Prisiones' })).toBeFocused();
  const legend = page.getByTestId('network-legend');
  await expect(legend).toContainText('Vínculos entre prisiones');

  // Issue 12: the prisons are named by short name and count, legible at the opening zoom, no name over another.
  await expect.poll(async () => (await prisonNames(page)).names.length).toBe(30);
  const { names } = await prisonNames(page);
  for (const { label, fontPx } of names) {
    expect(label, label).toMatch(/^[^\n]{1,14}\n\(\d+\)$/);
    expect(fontPx, label).toBeGreaterThanOrEqual(12);
  }
  expect(overlappingNames(names)).toEqual([]);

  // Expand a prison from the keyboard: pick it, press Enter; its people appear in the status line.
  const prison = page.getByLabel('Prisión', { exact: true });
  const name = (await prison.locator('option').first().textContent()) ?? '';
  await prison.focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveText(/ · 1 prisión desplegada \(\d+ personas?\)$/);
  await expect(prison.locator('option').first()).toHaveText(`▾ ${name}`);
  await expect(page.getByRole('button', { name: 'Plegar', exact: true })).toBeVisible();

  // Letters only: fewer links, and the legend names no other kind.
  await page.getByText('Filtros y estilo').click();
  await page.getByRole('button', { name: 'Solo Carta' }).click();
  await expect(page.getByText('Filtros activos: se dibuja solo parte del caso.')).toBeVisible();
  await expect.poll(async () => linkCount(await status.textContent())).toBeLessThan(allLinks);
  await views.getByRole('radio', { name: 'Por prisión' }).click();
  await expect(legend).toContainText('Carta');
  for (const other of ['Llamada', 'Visita', 'Familia', 'Captación', 'Liderazgo', 'Mismo módulo', 'Coacusado']) {
    await expect(legend).not.toContainText(other);
  }

  // Export: in web mode the bridge downloads the file.
  const download = page.waitForEvent('download', { timeout: 30_000 });
  await page.getByRole('button', { name: 'Exportar PNG' }).click();
  expect((await download).suggestedFilename()).toMatch(/^[a-z0-9-]+-grouped-\d{4}-\d{2}-\d{2}\.png$/);
  await expect(page.getByText(/^Vista exportada como .+\.png\.$/)).toBeVisible();
});

test('the map and the free layout draw the same case without reloading it', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  const status = page.getByTestId('network-status');
  await expect(status).toHaveText(/^270 personas en 30 prisiones/, { timeout: 45_000 });
  const views = page.getByRole('radiogroup', { name: 'Vista de la red' });

  await views.getByRole('radio', { name: 'Mapa' }).click();
  await expect(page.getByTestId('network-legend')).toContainText('Contorno de España');
  await expect(status).toHaveText(/^270 personas en 30 prisiones/);

  const marks = () => page.evaluate(() => performance.getEntriesByName('vigia:network-rendered').length);
  const before = await marks();
  await views.getByRole('radio', { name: 'Libre' }).click();
  // The layout worker's positions arrive and are drawn (a new render), with nothing reloaded.
  await expect(page.getByText('Calculando la disposición libre…')).toBeHidden({ timeout: 45_000 });
  await expect.poll(marks, { timeout: 30_000 }).toBeGreaterThan(before);
  await expect(page.getByText('No se pudo calcular la disposición libre', { exact: false })).toHaveCount(0);
  await expect(status).toHaveText(/^270 personas en 30 prisiones/);
});

test('a picture of the view released up to a lower marking: what is above it left out, said before, marked with what it holds, journalled', async ({ page }) => {
  test.setTimeout(120_000);
  const { readFileSync } = await import('node:fs');
  const { download } = await import('./sync-steps');
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 45_000 });

  // The whole view: it holds statements of protected witnesses, so the picture says SECRETO.
  const whole = readFileSync(await download(page, () => page.getByRole('button', { name: 'Exportar SVG' }).click()), 'utf8');
  expect(whole).toContain('SECRETO');

  // Up to RESERVADO: the dialog-less toolbar says what stays out before anything is written.
  const level = page.getByRole('combobox', { name: 'Publicar hasta' });
  await level.selectOption('RESERVADO');
  await expect(page.getByText(/Quedan fuera, por encima de RESERVADO: .*1 vínculo/)).toBeVisible({ timeout: 30_000 });
  const released = readFileSync(await download(page, () => page.getByRole('button', { name: 'Exportar SVG' }).click()), 'utf8');
  expect(released).not.toContain('SECRETO');
  expect(released.match(/>RESERVADO</g)?.length ?? 0).toBeGreaterThanOrEqual(2);
  const png = readFileSync(await download(page, () => page.getByRole('button', { name: 'Exportar PNG' }).click()));
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);

  // The journal notes each picture, the released ones with their level.
  await page.getByRole('button', { name: 'Caso', exact: true }).click();
  await page.getByRole('button', { name: 'Diario del caso', exact: true }).click();
  const journal = page.getByRole('dialog', { name: 'Diario del caso' });
  await expect(journal.getByTestId('audit-exported')).toHaveCount(3);
  await expect(journal.getByTestId('audit-exported').filter({ hasText: 'Publicado hasta RESERVADO' })).toHaveCount(2);
});
