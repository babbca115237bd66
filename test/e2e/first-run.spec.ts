import { generateDemoCase } from '../../shared/demo';
import { releaseDate } from '../../shared/model';
import { expect, test } from './fixtures';
import { headerMenu } from './header-menu';

// The issue-2 journey in web mode: first run → demo case → the leader's record → reload → English.

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The leader of the canonical demo case, generated here exactly as the app's worker does. */
function demoLeader() {
  const snapshot = generateDemoCase({ size: 270, today: localToday() });
  const leader = snapshot.persons.find((p) => p.role === 'leader');
  if (!leader) throw new Error('the demo case has no leader');
  const alias = leader.alternateNames.find((n) => n.kind === 'alias')?.name;
  const sentence = snapshot.sentences.find((s) => s.personId === leader.id && releaseDate(s));
  const release = sentence && releaseDate(sentence);
  if (!alias || !release) throw new Error('the demo leader lacks an alias or a release date');
  return { name: leader.primaryName, alias, release };
}

const longDate = (locale: string, iso: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${iso}T00:00:00Z`));

test('first run: open the demo case, find the leader, and find it all again after a reload', async ({ page }) => {
  const leader = demoLeader();
  await page.goto('/');

  await expect(page.getByRole('heading', { name: 'Bienvenido a Vigía' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const startedAt = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();

  const status = page.getByTestId('network-status');
  await expect(status).toHaveText(/^270 personas en 30 prisiones · [\d.]+ vínculos$/, { timeout: 45_000 });
  await expect(page.getByTestId('marking-banner')).toBeVisible();
  // The status line can show before the canvas has drawn: wait for the mark the view sets then.
  const renderedAt = () =>
    page.evaluate(() => performance.getEntriesByName('vigia:network-rendered').at(-1)?.startTime ?? 0);
  await expect.poll(renderedAt).toBeGreaterThan(startedAt);
  test.info().annotations.push({ type: 'open demo case → network rendered (ms)', description: String(Math.round((await renderedAt()) - startedAt)) });

  // The way to the leader without the canvas: filter the people list by his alias, pick him.
  const filter = page.getByLabel('Filtrar por cualquier nombre');
  await filter.fill(leader.alias);
  const leaderRow = page.getByRole('list', { name: 'Personas del caso' }).getByRole('button', { name: leader.name });
  await leaderRow.click();
  const panel = page.getByTestId('person-panel');
  await expect(panel.getByRole('heading', { name: leader.name })).toBeFocused();
  await expect(panel.getByTestId('person-alias').filter({ hasText: leader.alias })).toBeVisible();
  await expect(panel.getByTestId('release-date').first()).toHaveText(`${longDate('es-ES', leader.release)} (dentro de 7 días)`);
  await expect(panel).toContainText('Cabecilla');

  // Esc closes the record and gives focus back to where the analyst was.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(leaderRow).toBeFocused();

  // Enter in the filter picks the first match: the keyboard-only path.
  await filter.fill(leader.name);
  await filter.press('Enter');
  await expect(panel.getByRole('heading', { name: leader.name })).toBeFocused();

  await page.reload();
  await expect(status).toHaveText(/^270 personas en 30 prisiones · [\d.]+ vínculos$/);
  await expect
    .poll(() => page.evaluate(() => performance.getEntriesByName('vigia:network-rendered').length))
    .toBeGreaterThan(0);
});

test('the language switch speaks English and is remembered', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  const status = page.getByTestId('network-status');
  await expect(status).toHaveText(/^270 personas en 30 prisiones/, { timeout: 45_000 });

  await page.getByLabel('Idioma').selectOption('en');
  await expect(status).toHaveText(/^270 people in 30 prisons · [\d,]+ links$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await headerMenu(page).click();
  await expect(page.getByRole('button', { name: 'Close case' })).toBeVisible();
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(status).toHaveText(/^270 people in 30 prisons · [\d,]+ links$/);
  await page.getByLabel('Language').selectOption('es');
  await expect(status).toHaveText(/^270 personas en 30 prisiones/);
});

test('a new case keeps what was typed when it is refused, and opens when it is right', async ({ page }) => {
  await page.goto('/');
  const name = page.getByLabel('Nombre del caso');
  await page.getByLabel('Unidad').fill('Unidad Central');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByText('Escriba un nombre.')).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toBeFocused();
  await expect(page.getByLabel('Unidad')).toHaveValue('Unidad Central');

  await name.fill('Operación Prueba');
  await page.getByLabel('Clasificación').selectOption('CONFIDENCIAL');
  await page.getByRole('button', { name: 'Crear caso' }).click();
  await expect(page.getByTestId('case-name')).toHaveText('Operación Prueba');
  await expect(page.getByTestId('marking-banner')).toContainText('CONFIDENCIAL');
  await expect(page.getByTestId('network-status')).toHaveText('0 personas en 0 prisiones · 0 vínculos');
});
