import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { headerCommand } from './header-menu';
import { download, openDemoCase } from './sync-steps';

/** UTF-8 with its byte-order mark kept, to check that the file starts with one. */
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

// Issues 13 and 14: the network leaves Vigía for Gephi, networkx and i2 from the workstation itself:
// the whole case as GraphML (marked SECRETO: some links cite protected witnesses' statements), the
// same released up to RESERVADO for a partner (the dialog says what is left out first), then what the
// network view shows on a past date as CSV tables; each file marked with the highest marking it
// holds, each noted in the case's journal.

test('export the demo case as GraphML, then the network as of a past date as CSV, and find both in the journal', async ({ page }) => {
  test.setTimeout(150_000);
  await openDemoCase(page);

  await headerCommand(page, 'Exportar para otras herramientas…');
  const dialog = page.getByRole('dialog', { name: 'Exportar la red para otras herramientas' });
  await expect(dialog.getByRole('radio', { name: 'El caso completo' })).toBeChecked();
  const level = dialog.getByRole('combobox', { name: 'Publicar hasta' });
  await expect(level).toHaveValue('SECRETO');
  await expect(dialog.getByText('Nada del caso está por encima de SECRETO. El archivo irá clasificado SECRETO')).toBeVisible();
  await expectNoAccessibilityViolations(page, 'dialog[open]');
  await dialog.getByRole('radio', { name: 'GraphML (networkx, Gephi, Cytoscape)' }).check();
  const graphml = readFileSync(await download(page, () => dialog.getByRole('button', { name: 'Exportar', exact: true }).click()), 'utf8');
  await expect(dialog.getByText(/270 personas, 1269 vínculos\), clasificado SECRETO/)).toBeVisible();
  expect(graphml).toContain('<data key="g_marking">SECRETO</data>');
  expect(graphml.match(/<node id=/g)).toHaveLength(270);
  expect(graphml.match(/<edge id=/g)).toHaveLength(1269);
  await dialog.getByRole('button', { name: 'Cerrar' }).click();

  // For a partner cleared to RESERVADO: the dialog says what stays behind before anything is written.
  await headerCommand(page, 'Exportar para otras herramientas…');
  await level.selectOption('RESERVADO');
  const preview = dialog.getByText(/Quedan fuera, por encima de RESERVADO: (\d+) vínculos?, (\d+) fuentes?/);
  await expect(preview).toBeVisible();
  await expect(dialog.getByText('El archivo irá clasificado RESERVADO')).toBeVisible();
  const withheldLinks = Number(/(\d+) vínculos?/.exec((await preview.textContent()) ?? '')![1]);
  expect(withheldLinks).toBeGreaterThan(0);
  await dialog.getByRole('radio', { name: 'GraphML (networkx, Gephi, Cytoscape)' }).check();
  const released = readFileSync(await download(page, () => dialog.getByRole('button', { name: 'Exportar', exact: true }).click()), 'utf8');
  await expect(dialog.getByText(/clasificado RESERVADO\./)).toBeVisible();
  expect(released).toContain('<data key="g_marking">RESERVADO</data>');
  expect(released).not.toContain('testigo protegido');
  expect(released.match(/<edge id=/g)).toHaveLength(1269 - withheldLinks);
  await dialog.getByRole('button', { name: 'Cerrar' }).click();

  // The network as it stood on a past date: the view's own selection goes into the file.
  await page.getByText('Filtros y estilo').click();
  const slider = page.getByRole('slider', { name: 'Mover la fecha de la red' });
  const max = Number(await slider.getAttribute('max'));
  await slider.fill(String(Math.round(max * 0.8)));
  const status = page.getByTestId('network-status');
  await expect(status).toContainText('vínculos');
  const shownLinks = Number(/([\d.]+) vínculos/.exec((await status.textContent()) ?? '')![1]!.replace(/\./g, ''));
  expect(shownLinks).toBeLessThan(1269);
  await page.keyboard.press('Escape');

  await headerCommand(page, 'Exportar para otras herramientas…');
  await expect(dialog.getByRole('radio', { name: /La red tal como se muestra ahora \(sus filtros; a fecha/ })).toBeChecked();
  await dialog.getByRole('radio', { name: /^CSV en un ZIP/ }).check();
  const zip = unzipSync(new Uint8Array(readFileSync(await download(page, () => dialog.getByRole('button', { name: 'Exportar', exact: true }).click()))));
  expect(Object.keys(zip).sort()).toEqual(['MARKING.txt', 'gephi-edges.csv', 'gephi-nodes.csv', 'i2-links.csv', 'links.csv', 'persons.csv', 'vigia-import-spec.json']);
  const links = utf8(zip['links.csv']!);
  expect(links.startsWith('\uFEFFsource,target,type,weight,date,')).toBe(true);
  expect(links.trim().split('\r\n')).toHaveLength(shownLinks + 1);
  expect(utf8(zip['MARKING.txt']!)).toMatch(/^(RESERVADO|SECRETO)\r\n[\s\S]*Red a fecha \/ Network as of: \d{4}-\d{2}-\d{2}/);
  await dialog.getByRole('button', { name: 'Cerrar' }).click();

  await headerCommand(page, 'Diario del caso');
  const journal = page.getByRole('dialog', { name: 'Diario del caso' });
  await expect(journal.getByTestId('audit-exported')).toHaveCount(3);
  await expect(journal.getByTestId('audit-exported').filter({ hasText: /Publicado hasta RESERVADO: \d+ registros retenidos/ })).toHaveCount(1);
  await expect(journal.getByTestId('audit-exported').first()).toContainText(/\.(zip|graphml) \((csv|graphml)\)/);
});
