// The e2e suite promises to fail when the app reaches outside 127.0.0.1 or logs an error. These tests
// prove the guard in fixtures.ts does that, on contexts of their own so the failure can be asserted.
import { expect, guardContext, reportProblems, test } from './fixtures';

test('a request outside 127.0.0.1 is aborted and reported', async ({ browser }) => {
  const context = await browser.newContext();
  const problems = await guardContext(context, []);
  const page = await context.newPage();
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://vigia-e2e.example/beacon');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  await context.close();

  expect(outcome).toBe('blocked');
  expect(() => reportProblems('Analyst', problems)).toThrow(
    'The page requested something outside 127.0.0.1: https://vigia-e2e.example/beacon',
  );
});

test('a console error or an uncaught page error is reported', async ({ browser }) => {
  const context = await browser.newContext();
  const problems = await guardContext(context, [/expected by this test/]);
  const page = await context.newPage();
  await page.evaluate(() => {
    console.error('expected by this test');
    console.error('something broke');
    setTimeout(() => {
      throw new Error('uncaught in the page');
    });
  });
  await expect.poll(() => problems.pageErrors.length).toBe(2);
  await context.close();

  expect(problems.pageErrors).toEqual(['console error: something broke', 'page error: uncaught in the page']);
});

test('the app on 127.0.0.1 loads without tripping the guard', async ({ browser, baseURL }) => {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const problems = await guardContext(context, []);
  const page = await context.newPage();
  const response = await page.goto('/');
  await page.waitForLoadState('load');
  await context.close();

  expect(response?.status()).toBe(200);
  expect(() => reportProblems('Analyst', problems)).not.toThrow();
});
