import { defineConfig } from '@playwright/test';

// Electron-only e2e: the hardened shell (navigation, new windows, request filter, bridge). It needs
// an Electron runtime: run it with ELECTRON_OVERRIDE_DIST_PATH pointing at one, e.g.
//   ELECTRON_OVERRIDE_DIST_PATH=/opt/electron-v45 npx playwright test -c playwright.electron.config.ts
// Without it the spec prints one line saying it was not run, and defines no test.
export default defineConfig({
  testDir: 'test/electron',
  outputDir: 'test-results/playwright-electron',
  forbidOnly: true,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright-electron.json' }]],
});
