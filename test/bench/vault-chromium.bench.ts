/**
 * Encryption at rest in Chromium (issue 16): the Node bench (vault.bench.ts) runs on fake-indexeddb,
 * which is several times slower than Chromium's IndexedDB and so hides part of the cipher's share.
 * Here the same operations run in Debian's Chromium against its own IndexedDB: the 10,000-person demo
 * case taken in (importSnapshot), its network opened from its cache row (getCachedNetwork: a reload
 * of an unchanged case) and from its records (loadCaseNetwork: after any change) and every record read
 * (loadCaseRecords), in a database sealed with a vault key and in a plain one, alternated run for run;
 * medians and the sealed / plain ratio (goals: opening ≤ 1.3×, taking in ≤ 1.4×).
 * The page is built by Vite from test/bench/vault-page and served on 127.0.0.1 only.
 * VIGIA_BENCH_VAULT_SIZE changes the case size, _RUNS the number of runs (default 5).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import type { VaultBenchTimes } from './vault-page/page';

const SIZE = Number(process.env.VIGIA_BENCH_VAULT_SIZE ?? 10_000);
const RUNS = Number(process.env.VIGIA_BENCH_VAULT_RUNS ?? 5);
const CHROMIUM = process.env.VIGIA_CHROMIUM ?? '/usr/bin/chromium';

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

const outDir = mkdtempSync(join(tmpdir(), 'vigia-vault-bench-'));
const root = join(process.cwd(), 'test/bench/vault-page');
await build({ root, configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: true, target: 'es2022' } });
const server = await preview({ root, configFile: false, logLevel: 'error', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-sandbox', '--js-flags=--expose-gc'] });
try {
  const page = await browser.newPage();
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => 'vaultBench' in globalThis);
  const loadBefore = loadavg()[0]!;
  const times = await page.evaluate(
    ([size, runs]) => (globalThis as unknown as { vaultBench(s: number, r: number): Promise<VaultBenchTimes> }).vaultBench(size, runs),
    [SIZE, RUNS] as const,
  );
  console.log(`encryption at rest in Chromium, the ${SIZE.toLocaleString('en')}-person demo case (${times.records.toLocaleString('en')} records), ${RUNS} runs each, load ${loadBefore.toFixed(1)} → ${loadavg()[0]!.toFixed(1)}`);
  console.log(`  record cipher in use: ${times.cipher}`);
  const line = (label: string, pair: Record<'plain' | 'sealed', number[]>, goal: string) => {
    const [plain, sealed] = [median(pair.plain), median(pair.sealed)];
    console.log(`  ${label.padEnd(44)} sealed ${ms(sealed).padStart(8)}   plain ${ms(plain).padStart(8)}   ${(sealed / plain).toFixed(2)}×   ${goal}`);
  };
  line('open: the cached network (getCachedNetwork)', times.cached, 'goal ≤ 1.3×');
  line('open: the network (loadCaseNetwork)', times.open, 'goal ≤ 1.3×');
  line('open: every record (loadCaseRecords)', times.read, 'goal ≤ 1.3×');
  line('take the case in (importSnapshot)', times.take, 'goal ≤ 1.4×');
} finally {
  await browser.close();
  await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  rmSync(outDir, { recursive: true, force: true });
}
