import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

// The web-mode e2e suite: the built renderer (dist/web, from `npm run build:web`) served by
// `vite preview` on 127.0.0.1 and driven in Debian's Chromium. Browsers are never downloaded:
// test/setup/ensure-tools.mjs finds or installs Chromium and names it in VIGIA_CHROMIUM.
// VIGIA_E2E_PORT lets two checkouts run their suites side by side without one reusing the other's server.
export const WEB_PORT = Number(process.env.VIGIA_E2E_PORT ?? 4173);

function chromiumExecutable(): string {
  const named = process.env.VIGIA_CHROMIUM;
  if (named) return named;
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'test/e2e',
  // Test files are test/e2e/*.spec.ts. Electron-only ones live in test/electron/ and run with
  // playwright.electron.config.ts where an Electron runtime exists.
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // run-all.mjs reads the JSON report to count results (PLAYWRIGHT_JSON_OUTPUT_FILE overrides the path).
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/playwright-web.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${WEB_PORT}`,
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
        '--disable-gpu',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --config vite.config.ts --host 127.0.0.1 --port ${WEB_PORT} --strictPort`,
    url: `http://127.0.0.1:${WEB_PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
