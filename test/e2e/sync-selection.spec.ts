import { expect, test } from './fixtures';
import { exchangeCards, openDemoCase, receive, sendPeopleTo, SLOW } from './sync-steps';

// Issue 5, point 2 in web mode: Ana sends only the ringleader and his direct contacts to Benito; Benito
// sees only those people in the preview and, after importing, in his network.

const LEADER = 'Youssef Ouali';

test('Ana sends the ringleader and his direct contacts; Benito receives exactly those people', async ({ page, secondAnalyst }) => {
  test.setTimeout(240_000);
  const ana = page;
  const ben = secondAnalyst.page;

  await openDemoCase(ana);
  // Ana is looking at the ringleader: the Send tab starts from him.
  await ana.getByLabel('Filtrar por cualquier nombre').fill(LEADER);
  await ana.getByRole('list', { name: 'Personas del caso' }).getByRole('button', { name: LEADER, exact: true }).click();
  await expect(ana.getByTestId('person-panel').getByRole('heading', { name: LEADER, exact: true })).toBeVisible();

  await ben.goto('/');
  await exchangeCards({ page: ana, name: 'Ana García' }, { page: ben, name: 'Benito Ruiz' });

  let chosen = 0;
  const toBen = await sendPeopleTo(ana, 'Benito Ruiz', async (picker) => {
    await expect(picker.getByRole('checkbox', { name: LEADER, exact: true })).toBeChecked();
    await expect(picker.getByText('1 persona elegida')).toBeVisible();
    const summary = picker.getByTestId('selection-summary');
    await expect(summary).toHaveText(/^Se enviará: 1 persona, \d+ estancias?, .* · [\d.]+ vínculos? con personas fuera de la selección no se env/);
    await picker.getByRole('button', { name: 'Añadir sus contactos directos' }).click();
    const count = picker.getByText(/^\d+ personas elegidas$/);
    await expect(count).toBeVisible();
    chosen = Number((await count.textContent())!.split(' ')[0]);
    expect(chosen).toBeGreaterThan(1);
    expect(chosen).toBeLessThan(270);
    await expect(summary).toHaveText(new RegExp(`^Se enviará: ${chosen} personas, [\\d.]+ vínculos, [\\d.]+ estancias,`));
    // Released up to the case's own marking: said before sending (none of their links rests on a SECRETO statement).
    await picker.getByRole('combobox', { name: 'Publicar hasta' }).selectOption('RESERVADO');
    await expect(picker.getByText(/^Nada del caso está por encima de RESERVADO\. El archivo irá clasificado RESERVADO/)).toBeVisible();
    await expect(summary).toHaveText(new RegExp(`^Se enviará: ${chosen} personas,`));
  });

  const atBen = await receive(ben, toBen);
  await expect(atBen.preview.getByRole('row', { name: /^Personas/ })).toHaveText(new RegExp(`Personas\\s*${chosen}\\s*0\\s*0\\s*0`));
  await expect(atBen.sync.getByText(/· selección$/)).toBeVisible();
  await atBen.sync.getByRole('button', { name: 'Importar', exact: true }).click();
  await expect(atBen.sync.getByText(/^Importado: [\d.]+ registros nuevos o modificados/)).toBeVisible(SLOW);
  await atBen.sync.getByRole('button', { name: 'Abrir el caso' }).click();
  await expect(ben.getByTestId('network-status')).toHaveText(new RegExp(`^${chosen} personas en \\d+ prisiones`), { timeout: 90_000 });
  await ben.getByLabel('Filtrar por cualquier nombre').fill(LEADER);
  await expect(ben.getByRole('list', { name: 'Personas del caso' }).getByRole('button', { name: LEADER, exact: true })).toBeVisible();

  // Ana's journal notes the release: chosen people, up to RESERVADO.
  await ana.getByRole('dialog', { name: 'Sincronizar con colegas' }).getByRole('button', { name: 'Cerrar' }).click();
  await ana.getByRole('button', { name: /^(Caso|Herramientas)$/ }).click();
  await ana.getByRole('button', { name: 'Diario del caso', exact: true }).click();
  const released = ana.getByRole('dialog', { name: 'Diario del caso' }).getByTestId('audit-exported');
  await expect(released).toHaveCount(1);
  await expect(released).toContainText('personas elegidas');
  await expect(released).toContainText('RESERVADO');
});
