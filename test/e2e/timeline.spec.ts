import { expectNoAccessibilityViolations } from './accessibility';
import { expect, test } from './fixtures';
import { readFileSync } from 'node:fs';
import { download, openDemoCase } from './sync-steps';

// The timeline beside the network: the analyst switches the demo case's middle pane to its
// timeline, sees the lanes (only those in view are drawn), picks a person from a lane, moves the
// network's date with the keyboard on the ruler, and finds the same date on the network's control.

test('switch the demo case to its timeline, pick a person from a lane, move the date from the keyboard and find it on the network', async ({ page }) => {
  test.setTimeout(150_000);
  await openDemoCase(page);

  const panes = page.getByRole('radiogroup', { name: 'Vista del caso' });
  await panes.getByRole('radio', { name: 'Cronología' }).click();
  await expect(panes.getByRole('radio', { name: 'Cronología' })).toHaveAttribute('aria-checked', 'true');

  const lanes = page.getByRole('list', { name: /^\d+ carriles$/ });
  await expect(lanes).toBeVisible();
  const total = Number(/^(\d+)/.exec((await lanes.getAttribute('aria-label')) ?? '')![1]);
  expect(total).toBeGreaterThanOrEqual(270);
  // Virtualised: a screenful of lanes, not all of them.
  const drawn = await lanes.getByRole('listitem').count();
  expect(drawn).toBeGreaterThan(5);
  expect(drawn).toBeLessThan(total);
  await expect(lanes.getByRole('img', { name: /, (del|desde el) / }).first()).toBeAttached();
  await expect(page.getByTestId('timeline-undated').getByRole('heading', { name: /^Sin fecha \(\d+\)$/ })).toBeVisible();
  await expectNoAccessibilityViolations(page, '.workspace-middle');

  // The timeline as pictures, marked with the case's classification: SVG with its lanes' names as text, and PNG.
  const svg = readFileSync(await download(page, () => page.getByRole('button', { name: 'Exportar cronología SVG' }).click()), 'utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  // Marked with what it holds: the demo's lanes show links that rest on protected witnesses' statements.
  expect(svg.match(/>SECRETO</g)).toHaveLength(2);
  expect(svg).toContain('— cronología');
  const png = readFileSync(await download(page, () => page.getByRole('button', { name: 'Exportar cronología PNG' }).click()));
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await expect(page.getByRole('status').filter({ hasText: 'Cronología exportada como' })).toBeVisible();

  // A person picked from their lane opens their panel, as from the people list.
  const firstPerson = lanes.locator('.timeline-lane-label:not([aria-disabled])').first();
  const name = (await firstPerson.getAttribute('aria-label'))!;
  await firstPerson.click();
  await expect(page.getByTestId('person-panel')).toHaveAccessibleName(new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(firstPerson).toHaveAttribute('aria-current', 'true');

  // A link pressed on a lane is picked with its person: marked on the timeline and in the panel's links.
  const linkPoint = lanes.getByRole('button', { name: / entre .*, valoración / }).first();
  const linkName = (await linkPoint.getAttribute('aria-label'))!;
  await linkPoint.click();
  await expect(lanes.getByRole('button', { name: linkName }).first()).toHaveAttribute('aria-current', 'true');
  await expect(page.getByTestId('person-panel').locator('[data-testid="person-link"][aria-current="true"]')).toHaveCount(1);
  const [kindAndEnds] = linkName.split(',');
  await panes.getByRole('radio', { name: 'Red' }).click();
  // On the network the same link is picked (outlined on the drawing, and said under it).
  await expect(page.getByTestId('network-picked-link')).toContainText(`Vínculo elegido: ${kindAndEnds}`);
  await panes.getByRole('radio', { name: 'Cronología' }).click();

  // The ruler is the network's date: a key moves it back, and the readout follows.
  const ruler = page.getByRole('slider', { name: 'Fecha de la red' });
  const todayText = await ruler.getAttribute('aria-valuetext');
  await ruler.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(ruler).not.toHaveAttribute('aria-valuetext', todayText!);
  const moved = (await ruler.getAttribute('aria-valuetext'))!;
  await expect(page.getByTestId('timeline-date')).toHaveText(`Fecha de la red: ${moved}`);
  await expectNoAccessibilityViolations(page, '.workspace-middle');

  // Back on the network, its own date control shows the same day.
  await panes.getByRole('radio', { name: 'Red' }).click();
  await expect(page.getByTestId('network-status')).toBeVisible();
  await page.getByText('Filtros y estilo').click();
  const slider = page.getByRole('slider', { name: 'Mover la fecha de la red' });
  await expect(slider).toHaveAttribute('aria-valuetext', moved);
  await expect(page.locator('.network-controls output')).toHaveText(moved);

  // Home on the timeline brings the date back to today, for both views.
  await page.keyboard.press('Escape');
  await panes.getByRole('radio', { name: 'Cronología' }).click();
  await page.getByRole('slider', { name: 'Fecha de la red' }).focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('slider', { name: 'Fecha de la red' })).toHaveAttribute('aria-valuetext', todayText!);
});
