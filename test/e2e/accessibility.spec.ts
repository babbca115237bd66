import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { headerMenu } from './header-menu';
import { createIdentity, openDemoCase } from './sync-steps';

// WCAG 2.1 AA on the main screens, by axe-core, at the 1366×768 of a laptop: the first run, the case
// with its network, the header's menu, the network's controls, a person's panel, the analysis dock,
// search and the sync dialog. New screens call the same helper in their own specs.

test.use({ viewport: { width: 1366, height: 768 } });

test('the first-run screen has no WCAG 2.1 AA violation', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});

test('the open case, its menu, the network’s controls, a person’s panel, the analysis, search and the sync dialog have no WCAG 2.1 AA violation', async ({ page }) => {
  // Eight screens in a row, each scanned whole: longer than one screen's default minute on 2 cores.
  test.setTimeout(150_000);
  await openDemoCase(page);
  await expectNoAccessibilityViolations(page);

  await headerMenu(page).click();
  await expect(page.getByRole('button', { name: 'Sincronizar', exact: true })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.keyboard.press('Escape');

  await page.getByText('Filtros y estilo').click();
  await expect(page.getByRole('heading', { name: 'Filtros' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.keyboard.press('Escape');

  await page.getByRole('list', { name: 'Personas del caso' }).getByRole('button').first().click();
  await expect(page.getByTestId('person-panel')).toBeVisible();
  await expectNoAccessibilityViolations(page);

  await page.getByRole('button', { name: 'Análisis de red' }).click();
  const dock = page.getByTestId('analysis-dock');
  await expect(dock.getByTestId('metrics-table')).toBeVisible({ timeout: 30_000 });
  await expectNoAccessibilityViolations(page, '[data-testid="analysis-dock"]');

  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Buscar' });
  await search.getByRole('textbox').pressSequentially('mohamed');
  await expect(search.getByRole('option').first()).toBeVisible({ timeout: 30_000 });
  await expectNoAccessibilityViolations(page, 'dialog[open]');
  await page.keyboard.press('Escape');

  const sync = await createIdentity(page, 'Ana García');
  await expectNoAccessibilityViolations(page, 'dialog[open]');
  await sync.getByRole('tab', { name: 'Enviar' }).click();
  await expectNoAccessibilityViolations(page, 'dialog[open]');
});
