// The e2e suite's `test` and `expect`. Import them from here, never from '@playwright/test':
// - every request that leaves 127.0.0.1 (other than data: and blob:) is aborted and fails the test,
//   because Vigía must never touch a network;
// - an uncaught page error or a console error fails the test (CSP violations show up as console errors);
// - each test gets a fresh browser context, hence a fresh IndexedDB;
// - `secondAnalyst` gives a test a second, separate browser profile (its own IndexedDB) for the
//   two-analyst sync scenarios.
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { E2E_PASSPHRASE, passLockScreen, unlockWhenLocked } from './lock-screen';

export { expect, E2E_PASSPHRASE, passLockScreen, unlockWhenLocked };

/** What went wrong in a context, collected while the test runs and reported when it ends. */
export interface ContextProblems {
  outsideRequests: string[];
  pageErrors: string[];
}

const LOCAL_URL = /^http:\/\/127\.0\.0\.1:\d+\//;

function isAllowedUrl(url: string): boolean {
  return LOCAL_URL.test(url) || url.startsWith('data:') || url.startsWith('blob:');
}

function watchPage(page: Page, problems: ContextProblems, allowedConsoleErrors: RegExp[]): void {
  page.on('pageerror', (error) => problems.pageErrors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (allowedConsoleErrors.some((allowed) => allowed.test(text))) return;
    problems.pageErrors.push(`console error: ${text}`);
  });
}

/** Aborts and records every request outside 127.0.0.1 and watches every page of `context`. */
export async function guardContext(context: BrowserContext, allowedConsoleErrors: RegExp[]): Promise<ContextProblems> {
  const problems: ContextProblems = { outsideRequests: [], pageErrors: [] };
  await context.route(
    (url) => !isAllowedUrl(url.href),
    async (route) => {
      problems.outsideRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  await context.routeWebSocket(
    (url) => !isAllowedUrl(url.href.replace(/^ws/, 'http')),
    (socket) => {
      problems.outsideRequests.push(socket.url());
      void socket.close();
    },
  );
  for (const page of context.pages()) watchPage(page, problems, allowedConsoleErrors);
  context.on('page', (page) => watchPage(page, problems, allowedConsoleErrors));
  return problems;
}

/** Throws one error listing everything that went wrong, so the test fails with a readable reason. */
export function reportProblems(label: string, problems: ContextProblems): void {
  const lines: string[] = [];
  if (problems.outsideRequests.length > 0) {
    lines.push(`The page requested something outside 127.0.0.1: ${[...new Set(problems.outsideRequests)].join(', ')}`);
  }
  lines.push(...problems.pageErrors);
  if (lines.length > 0) throw new Error(`${label}:\n${lines.join('\n')}`);
}

export interface Analyst {
  context: BrowserContext;
  page: Page;
}

interface VigiaFixtures {
  /** Console errors a test expects (e.g. one that checks a rejection); anything else still fails it. */
  allowedConsoleErrors: RegExp[];
  /** Whether the lock screen is passed for the test (see unlockWhenLocked); off for the lock's own tests. */
  autoUnlock: boolean;
  /** A second analyst with their own browser profile (separate IndexedDB), guarded like the first. */
  secondAnalyst: Analyst;
}

export const test = base.extend<VigiaFixtures>({
  allowedConsoleErrors: [[], { option: true }],
  autoUnlock: [true, { option: true }],

  page: async ({ page, autoUnlock }, use) => {
    if (autoUnlock) await unlockWhenLocked(page);
    await use(page);
  },

  context: async ({ context, allowedConsoleErrors }, use) => {
    const problems = await guardContext(context, allowedConsoleErrors);
    await use(context);
    reportProblems('First analyst', problems);
  },

  secondAnalyst: async ({ browser, baseURL, allowedConsoleErrors }, use) => {
    const context = await browser.newContext(baseURL ? { baseURL } : {});
    const problems = await guardContext(context, allowedConsoleErrors);
    const page = await context.newPage();
    await unlockWhenLocked(page);
    await use({ context, page });
    await context.close();
    reportProblems('Second analyst', problems);
  },
});
