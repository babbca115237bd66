import { generateDemoCase } from '../../shared/demo';
import { expect, test } from './fixtures';

// Issue 4's analysis journey in web mode: the demo case → release radar → what-if → metrics table.

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The leader's name in the canonical demo case, generated exactly as the app's worker does. */
function demoLeaderName(): string {
  const leader = generateDemoCase({ size: 270, today: localToday() }).persons.find((p) => p.role === 'leader');
  if (!leader) throw new Error('the demo case has no leader');
  return leader.primaryName;
}

/** "0,0528" (Spanish) as a number. */
const spanishNumber = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

test('analysis: the leader tops the release radar, isolating him fragments the network, the table sorts', async ({ page }) => {
  const leaderName = demoLeaderName();
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 45_000 });

  await page.getByRole('button', { name: 'Análisis de red' }).click();
  const dock = page.getByTestId('analysis-dock');
  await expect(dock.getByRole('heading', { name: 'Análisis de red' })).toBeFocused();
  await expect(dock.getByTestId('metrics-table')).toBeVisible({ timeout: 30_000 });
  await expect(dock.getByTestId('metrics-summary')).toContainText('Intermediación exacta.');

  // Release radar: the leader, due out in a week, comes first.
  await dock.getByRole('tab', { name: 'Radar de excarcelaciones' }).click();
  const firstOnRadar = dock.getByTestId('release-radar').locator('tbody tr').first();
  await expect(firstOnRadar).toContainText(leaderName);
  await expect(firstOnRadar).toContainText('Cabecilla');
  await expect(firstOnRadar).toContainText('dentro de 7 días');

  // What-if: isolate the leader and compare the fragmentation with the real network's.
  await dock.getByRole('tab', { name: '¿Qué pasaría si…?' }).click();
  const picker = dock.getByRole('combobox', { name: 'Persona', exact: true });
  await picker.fill(leaderName);
  await picker.press('Enter');
  await expect(dock.getByText(`Elegida: ${leaderName}`)).toBeVisible();
  await dock.getByRole('button', { name: 'Calcular' }).click();
  const before = dock.getByTestId('what-if-fragmentation-before');
  const after = dock.getByTestId('what-if-fragmentation-after');
  await expect(before).toHaveText(/^\d+(,\d+)?$/);
  await expect(after).toHaveText(/^\d+(,\d+)?$/);
  const fragmentationBefore = spanishNumber(await before.innerText());
  const fragmentationAfter = spanishNumber(await after.innerText());
  expect(fragmentationAfter).toBeGreaterThan(fragmentationBefore);
  await expect(dock.getByText('El caso no se modifica: es una simulación.')).toBeVisible();

  // The metrics table, sorted by name and then by betweenness, highest first; Enter reverses it.
  await dock.getByRole('tab', { name: 'Métricas' }).click();
  const table = dock.getByTestId('metrics-table');
  await table.getByRole('button', { name: 'Nombre', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Nombre' })).toHaveAttribute('aria-sort', 'ascending');
  const sortByBetweenness = table.getByRole('button', { name: 'Intermediación', exact: true });
  await sortByBetweenness.click();
  const betweennessHeader = table.getByRole('columnheader', { name: 'Intermediación' });
  await expect(betweennessHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('columnheader', { name: 'Nombre' })).toHaveAttribute('aria-sort', 'none');
  const BETWEENNESS_CELL = 5; // name, role, community, contacts, weighted contacts, betweenness
  const cellOfRow = (row: number) => table.locator('tbody tr').nth(row).locator('th, td').nth(BETWEENNESS_CELL);
  const top = spanishNumber(await cellOfRow(0).innerText());
  const second = spanishNumber(await cellOfRow(1).innerText());
  expect(top).toBeGreaterThan(0);
  expect(top).toBeGreaterThanOrEqual(second);
  await sortByBetweenness.press('Enter');
  await expect(betweennessHeader).toHaveAttribute('aria-sort', 'ascending');

  // A name in the table selects the person: their record opens.
  await sortByBetweenness.press('Enter');
  const topName = await table.locator('tbody tr').first().getByRole('button').innerText();
  await table.locator('tbody tr').first().getByRole('button').click();
  await expect(page.getByTestId('person-panel').getByRole('heading', { name: topName })).toBeVisible();
});
