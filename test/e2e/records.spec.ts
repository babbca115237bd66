import { generateDemoCase } from '../../shared/demo';
import { expect, test } from './fixtures';
import { headerCommand, headerMenu } from './header-menu';

// Issue 3, the records side in web mode: one-box search across spellings, notes and attachments on a
// person, the case journal with before → after and its integrity check, renaming, deleting and
// restoring a case.

/** The demo leader and his kunya, generated here exactly as the app's worker does. */
function demoLeader() {
  const snapshot = generateDemoCase({ size: 270, today: '2025-06-01' });
  const leader = snapshot.persons.find((p) => p.role === 'leader');
  const kunya = leader?.alternateNames.find((n) => n.kind === 'kunya')?.name;
  if (!leader || !kunya) throw new Error('the demo leader has no kunya');
  return { name: leader.primaryName, kunya };
}

/** A 1×1 PNG: the smallest real image, to check the preview draws it. */
const ONE_PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * A small, well-formed PDF with one black square per page (no fonts needed), built here so the test
 * carries no binary fixture: objects, then a cross-reference table with their exact byte offsets.
 */
function squaresPdf(pages: number): Buffer {
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  const square = '0 0 0 rg 100 100 400 400 re f';
  for (let i = 0; i < pages; i += 1) {
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 600] /Contents ${4 + i * 2} 0 R >>`);
    objects.push(`<< /Length ${square.length} >>\nstream\n${square}\nendstream`);
  }
  let body = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((at) => `${String(at).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('search finds a name in any spelling, opens the leader by his kunya, and finds a new note', async ({ page }) => {
  test.setTimeout(150_000);
  const leader = demoLeader();
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 60_000 });

  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Buscar' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('marking-banner')).toBeVisible();
  const box = dialog.getByRole('textbox');
  await expect(box).toBeFocused();
  await box.pressSequentially('muhammad');
  const people = dialog.getByRole('group', { name: 'Personas' });
  // Someone written "Mohamed …" or "Mohammed …" answers to "muhammad".
  await expect(people.getByRole('option').filter({ hasText: /Moham?med/ }).first()).toBeVisible({ timeout: 30_000 });

  await box.fill('');
  await box.pressSequentially(leader.kunya.split(' ').slice(0, 2).join(' ').toLowerCase());
  const leaderOption = people.getByRole('option').filter({ hasText: leader.name });
  await expect(leaderOption).toContainText(`kunya «${leader.kunya}»`);
  await leaderOption.click();
  await expect(dialog).toBeHidden();
  const panel = page.getByTestId('person-panel');
  await expect(panel.getByRole('heading', { name: leader.name })).toBeVisible();

  // A note on the person is saved, shown, and searchable at once.
  await panel.getByRole('tab', { name: 'Notas' }).click();
  await panel.getByLabel('Nueva nota').fill('Recibe giros postales desde Algeciras');
  await panel.getByRole('button', { name: 'Añadir nota' }).click();
  await expect(panel.getByText('Recibe giros postales desde Algeciras')).toBeVisible();
  await headerCommand(page, 'Buscar');
  await dialog.getByRole('textbox').pressSequentially('giros postales');
  const noteOption = dialog.getByRole('group', { name: 'Notas' }).getByRole('option').first();
  await expect(noteOption).toContainText('Recibe giros postales');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: leader.name })).toBeVisible();

  // A scan attached to the person is listed and previewed inside the app.
  await panel.getByRole('tab', { name: 'Adjuntos' }).click();
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Adjuntar archivo' }).click();
  await (await chooser).setFiles({ name: 'carta.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG });
  await expect(panel.getByText('carta.png', { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: 'Ver carta.png' }).click();
  await expect(panel.getByRole('img', { name: 'carta.png' })).toBeVisible();
  await expect.poll(() => panel.getByRole('img', { name: 'carta.png' }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  // A PDF scan is drawn page by page inside the app: the black square is there on page 2.
  const pdfChooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Adjuntar archivo' }).click();
  await (await pdfChooser).setFiles({ name: 'carta.pdf', mimeType: 'application/pdf', buffer: squaresPdf(2) });
  await panel.getByRole('button', { name: 'Ver carta.pdf' }).click();
  const secondPage = panel.getByRole('img', { name: 'Página 2 de 2 de carta.pdf' });
  await expect(secondPage).toBeVisible({ timeout: 20_000 });
  await expect
    .poll(() =>
      secondPage.evaluate((canvas: HTMLCanvasElement) => {
        const middle = canvas.getContext('2d')?.getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data;
        return middle ? [middle[0], middle[1], middle[2], middle[3]] : [];
      }),
    )
    .toEqual([0, 0, 0, 255]);

  // An imported person has no changes of their own yet (notes are records of their own): History says so.
  await panel.getByRole('tab', { name: 'Historial' }).click();
  await expect(panel.getByText('No hay cambios registrados.')).toBeVisible();
});

test('rename a case, read the change in the journal, verify it, delete the case and restore it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Nombre del caso').fill('Operación Tinta');
  await page.getByLabel('Clasificación').selectOption('RESERVADO');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Tinta');

  await headerCommand(page, 'Analista sin nombre');
  const analyst = page.getByRole('dialog', { name: 'Analista de esta estación' });
  await analyst.getByLabel('Su nombre').fill('Ana Ruiz');
  await analyst.getByRole('button', { name: 'Guardar' }).click();
  await expect(analyst.getByText('Nombre guardado.')).toBeVisible();
  await page.keyboard.press('Escape');
  await headerMenu(page).click();
  await expect(page.getByRole('button', { name: 'Analista: Ana Ruiz' })).toBeVisible();
  await page.keyboard.press('Escape');

  await headerCommand(page, 'Ajustes del caso');
  const settings = page.getByRole('dialog', { name: 'Ajustes del caso' });
  await expect(settings.getByTestId('marking-banner')).toContainText('RESERVADO');
  await settings.getByLabel('Nombre del caso').fill('');
  await settings.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(settings.getByText('Escriba un nombre.')).toBeVisible();
  await settings.getByLabel('Nombre del caso').fill('Operación Pluma');
  await settings.getByLabel('Clasificación', { exact: true }).selectOption('SECRETO');
  await settings.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(settings.getByText('Cambios guardados.')).toBeVisible();
  await expect(settings.getByTestId('marking-banner')).toContainText('SECRETO');
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Pluma');

  await headerCommand(page, 'Diario del caso');
  const journal = page.getByRole('dialog', { name: 'Diario del caso' });
  const change = journal.getByTestId('audit-entry').first();
  await expect(change).toContainText('Modificación');
  await expect(change).toContainText('Ana Ruiz');
  await expect(change).toContainText('nombre: Operación Tinta → Operación Pluma');
  await expect(change).toContainText('clasificación: RESERVADO → SECRETO');
  await journal.getByRole('button', { name: 'Verificar integridad' }).click();
  await expect(journal.getByRole('status')).toHaveText('La cadena está intacta (2 entradas).');
  await page.keyboard.press('Escape');

  await headerCommand(page, 'Ajustes del caso');
  await settings.getByRole('button', { name: 'Eliminar caso' }).click();
  await settings.getByRole('button', { name: 'Sí, eliminar' }).click();
  const deleted = page.getByRole('region', { name: 'Casos eliminados' });
  await expect(deleted).toContainText('Operación Pluma');
  await deleted.getByRole('button', { name: 'Restaurar el caso Operación Pluma' }).click();
  await expect(deleted).toBeHidden();
  await page.getByRole('button', { name: 'Abrir el caso Operación Pluma' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Pluma');

  // Deleted again and purged after the second confirmation: gone for good.
  await headerCommand(page, 'Ajustes del caso');
  await settings.getByRole('button', { name: 'Eliminar caso' }).click();
  await settings.getByRole('button', { name: 'Sí, eliminar' }).click();
  await deleted.getByRole('button', { name: 'Purgar el caso Operación Pluma' }).click();
  await expect(deleted).toContainText('No se puede deshacer.');
  await deleted.getByRole('button', { name: 'Purgar definitivamente' }).click();
  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible();
});
