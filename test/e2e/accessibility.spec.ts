import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { headerMenu } from './header-menu';

// WCAG 2.1 AA on the screens a new user meets first: the case picker, the demo's network, a
// person's record beside it, and the header's menu open. axe-core checks what can be checked
// automatically (names, roles, contrast, landmarks); keyboard use is covered by the other specs.

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('the case picker, the demo network, a person’s record, the header menu, the network’s controls and the analysis have no axe violations', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Abrir caso de demostración' })).toBeVisible();
  const found: Record<string, string[]> = {};
  found.picker = await violations(page);

  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await expect(page.getByTestId('network-status')).toHaveText(/^270 personas en 30 prisiones/, { timeout: 45_000 });
  found.network = await violations(page);

  await page.getByRole('navigation', { name: 'Personas' }).getByRole('button').first().click();
  await expect(page.getByTestId('person-panel')).toBeVisible();
  found.person = await violations(page);

  await headerMenu(page).click();
  await expect(page.getByRole('button', { name: 'Sincronizar', exact: true })).toBeVisible();
  found.menu = await violations(page);
  await page.keyboard.press('Escape');

  await page.getByText('Filtros y estilo').click();
  await expect(page.getByRole('heading', { name: 'Filtros' })).toBeVisible();
  found.controls = await violations(page);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Análisis de red' }).click();
  await expect(page.getByTestId('analysis-dock')).toBeVisible();
  found.analysis = await violations(page);
  // Every screen is checked before failing, so one run names every fault.
  expect(found).toEqual({ picker: [], network: [], person: [], menu: [], controls: [], analysis: [] });
});
