#!/usr/bin/env node
// `npm test`: every check, in order, stopping at the first failure. Ends with one closing line,
// `N passed, N failed[, N skipped]`, counting tests from the vitest and Playwright JSON reports; a
// failing check that is not a test run (typecheck, lint, build) counts as one failure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureToolsOrExit, REQUIRED_TOOLS } from './ensure-tools.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const reports = join(root, 'test-results', 'reports');
const tally = { passed: 0, failed: 0, skipped: 0 };
const durations = [];

const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const seconds = (start) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

function run(command, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '1', ...env },
      shell: process.platform === 'win32',
    });
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Adds vitest's JSON report to the tally; false if there is no report to read. */
function countVitest(path) {
  const report = readJson(path);
  if (!report) return false;
  tally.passed += report.numPassedTests ?? 0;
  tally.failed += report.numFailedTests ?? 0;
  tally.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  return true;
}

/** Adds Playwright's JSON report to the tally; false if there is no report to read. */
function countPlaywright(path) {
  const stats = readJson(path)?.stats;
  if (!stats) return false;
  tally.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  tally.failed += stats.unexpected ?? 0;
  tally.skipped += stats.skipped ?? 0;
  return true;
}

function closingLine() {
  const parts = [`${tally.passed} passed`, `${tally.failed} failed`];
  if (tally.skipped > 0) parts.push(`${tally.skipped} skipped`);
  return parts.join(', ');
}

function finish(exitCode) {
  if (durations.length > 0) console.log(`\nStage times: ${durations.join(' · ')}`);
  console.log(`\n${closingLine()}`);
  process.exit(exitCode);
}

/**
 * One stage: a title, what it runs and, for test runs, the report that gives its counts.
 * `count` returns false when the report is missing, in which case a failing stage counts as one failure.
 */
async function stage(title, command, args, { env, count } = {}) {
  const start = performance.now();
  console.log(`\n▶ ${title}: ${[command.replace(`${root}node_modules/.bin/`, ''), ...args].join(' ')}`);
  const exitCode = await run(command, args, env);
  const counted = count ? count() : false;
  durations.push(`${title} ${seconds(start)}`);
  if (exitCode !== 0) {
    if (!counted || tally.failed === 0) tally.failed += 1;
    console.log(`✗ ${title} failed (exit code ${exitCode}) after ${seconds(start)}. Stopping here.`);
    finish(1);
  }
  console.log(`✓ ${title} (${seconds(start)})`);
}

const suiteStart = performance.now();
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

{
  const start = performance.now();
  console.log(`▶ test tools: ${REQUIRED_TOOLS.map((tool) => tool.name).join(', ')}`);
  ensureToolsOrExit();
  durations.push(`test tools ${seconds(start)}`);
  console.log(`✓ test tools (${seconds(start)}; Chromium at ${process.env.VIGIA_CHROMIUM})`);
}

await stage('typecheck', bin('tsc'), ['-b']);
await stage('lint', bin('eslint'), ['--max-warnings=0', '.']);

const vitestReport = join(reports, 'vitest.json');
await stage('unit tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`], {
  count: () => countVitest(vitestReport),
});

if (!existsSync(join(root, 'vite.config.ts'))) {
  tally.failed += 1;
  console.log('✗ web build: vite.config.ts is missing, so the renderer cannot be built for the e2e suite.');
  finish(1);
}
await stage('web build', bin('vite'), ['build', '--config', 'vite.config.ts', '--logLevel', 'warn']);

const webReport = join(reports, 'playwright-web.json');
await stage('e2e (web mode, Chromium)', bin('playwright'), ['test', '--reporter=list,json'], {
  env: { PLAYWRIGHT_JSON_OUTPUT_FILE: webReport },
  count: () => countPlaywright(webReport),
});

if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  await stage('Electron build', bin('electron-vite'), ['build']);
  const electronReport = join(reports, 'playwright-electron.json');
  await stage('e2e (Electron)', bin('playwright'), ['test', '-c', 'playwright.electron.config.ts', '--reporter=list,json'], {
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: electronReport },
    count: () => countPlaywright(electronReport),
  });
} else {
  console.log('\nElectron e2e: not run (no Electron runtime; set ELECTRON_OVERRIDE_DIST_PATH to run it)');
}

console.log(`\nAll checks passed in ${seconds(suiteStart)}.`);
finish(tally.failed > 0 ? 1 : 0);
