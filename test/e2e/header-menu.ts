import type { Locator, Page } from '@playwright/test';

/** The header's menu ("Caso", or "Herramientas" with no case open; "Case"/"Tools" in English). */
export function headerMenu(page: Page): Locator {
  return page.getByRole('button', { name: /^(Caso|Herramientas|Case|Tools)$/ });
}

/** Opens the header's menu and picks one of its commands, as the analyst does. */
export async function headerCommand(page: Page, name: string): Promise<void> {
  await headerMenu(page).click();
  await page.getByRole('button', { name, exact: true }).click();
}
