import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on what the page shows now, or on one part of it, and
 * fails listing every violation with the elements it found. Every spec that opens a new screen or
 * dialog calls it there. axe-core is injected into the page by Playwright; nothing is fetched.
 */
export async function expectNoAccessibilityViolations(page: Page, scope?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  if (scope) builder = builder.include(scope);
  const { violations } = await builder.analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, 'axe-core found WCAG 2.1 AA violations').toEqual([]);
}
