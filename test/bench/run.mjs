#!/usr/bin/env node
// `npm run bench [-- NAME…]`: runs every test/bench/*.bench.ts (through tsx) and *.bench.mjs, one after
// another so they do not compete for the two cores, and prints their output. Each bench prints its
// own medians and ratios against a baseline it measures in the same run (docs/benchmarks.md).
// With names, only the benches whose file name contains one of them run.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_TOOLS, ensureToolsOrExit, REQUIRED_TOOLS } from '../setup/ensure-tools.mjs';

const benchFolder = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const filters = process.argv.slice(2);

const benches = readdirSync(benchFolder)
  .filter((name) => /\.bench\.(ts|mjs)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (benches.length === 0) {
  const wanted = filters.length > 0 ? ` matching ${filters.join(', ')}` : '';
  console.log(`No benchmarks${wanted} in test/bench/ yet (files named *.bench.ts or *.bench.mjs).`);
  process.exit(0);
}

// Benches compare against the age CLI and igraph and drive Chromium: the tests' tools and a few more.
ensureToolsOrExit([...REQUIRED_TOOLS, ...BENCH_TOOLS]);

function runBench(name) {
  // --expose-gc lets a bench collect garbage between runs and measure peak memory honestly.
  const nodeArgs = ['--expose-gc', ...(name.endsWith('.ts') ? ['--import', 'tsx'] : []), join(benchFolder, name)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, nodeArgs, { cwd: root, stdio: 'inherit' });
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const failed = [];
for (const name of benches) {
  console.log(`\n▶ ${name}`);
  const start = performance.now();
  const exitCode = await runBench(name);
  const took = `${((performance.now() - start) / 1000).toFixed(1)} s`;
  if (exitCode === 0) console.log(`✓ ${name} (${took})`);
  else {
    console.log(`✗ ${name} failed (exit code ${exitCode}) after ${took}`);
    failed.push(name);
  }
}

console.log(`\n${benches.length - failed.length} of ${benches.length} benchmarks ran${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}.`);
process.exit(failed.length > 0 ? 1 : 0);
