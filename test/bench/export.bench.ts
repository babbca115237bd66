/**
 * Exports of the 10,000-person / 52,000-link demo case, against writing the same case as a bundle
 * in the same run (docs/benchmarks.md):
 * - command line: `vigia export` (runExport with Node's file system: the case's selection made by
 *   shared/export, each file streamed to disk in ~64 KiB writes), per format;
 * - worker: writeExport, what the export worker does (the case read from IndexedDB — fake-indexeddb
 *   here, as in the database's unit tests — the file built as a Blob of ~1 MiB parts);
 * - baseline: writeBundleStream of the same snapshot (NDJSON, ZIP, signature, age) to a file.
 * Runs are interleaved (format by format, then the bundle), medians of VIGIA_BENCH_EXPORT_RUNS (3).
 * Peak RSS is the process's, sampled every 50 ms, after a GC; the generated case itself is in memory
 * throughout (its size is printed first). VIGIA_BENCH_EXPORT_SIZE changes the case (default 10000).
 * Run by `npm run bench -- export` (or `node --expose-gc --import tsx test/bench/export.bench.ts`).
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeBundleCodecs, nodeIo, type CliIo } from '../../electron/cli/commands/cli-io';
import { runExport } from '../../electron/cli/commands/export';
import { attachmentsFromMap, writeBundleStream } from '../../shared/bundle/write';
import { generateDemoCase } from '../../shared/demo';
import { generateAnalystIdentity } from '../../shared/identity/analyst-identity';
import { importSnapshot } from '../../renderer/db/import-snapshot';
import { freshDatabase } from '../../renderer/db/test-support';
import { writeExport } from '../../renderer/workers/export-file';
import type { ExportFormat } from '../../renderer/workers/export-protocol';

const SIZE = Number(process.env.VIGIA_BENCH_EXPORT_SIZE ?? 10_000);
const RUNS = Number(process.env.VIGIA_BENCH_EXPORT_RUNS ?? 3);
const TODAY = '2026-12-05';
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const MiB = 1024 * 1024;

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
async function measured(work: () => Promise<unknown>): Promise<{ ms: number; peakMiB: number }> {
  gc();
  peak = process.memoryUsage().rss;
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, peakMiB: peak / MiB };
}

const sizeOf = (path: string): number =>
  statSync(path).isDirectory() ? readdirSync(path).reduce((sum, name) => sum + statSync(join(path, name)).size, 0) : statSync(path).size;

async function main(): Promise<void> {
  console.log(`load (uptime, 1 min) at start: ${loadavg()[0]!.toFixed(1)}`);
  const snapshot = generateDemoCase({ size: SIZE, today: TODAY });
  const caseId = snapshot.cases[0]!.id;
  console.log(`${snapshot.persons.length.toLocaleString('en')} people, ${snapshot.links.length.toLocaleString('en')} links; RSS with the case in memory ${(process.memoryUsage().rss / MiB).toFixed(0)} MiB; medians of ${RUNS}`);
  const dir = mkdtempSync(join(tmpdir(), 'vigia-export-bench-'));
  const quiet: CliIo = { ...nodeIo, stdout: () => undefined, stderr: () => undefined, now: () => new Date(`${TODAY}T10:00:00Z`) };
  const identity = await generateAnalystIdentity('Bench');
  const db = await freshDatabase();
  const stored = performance.now();
  await importSnapshot(db, snapshot);
  console.log(`case stored in fake-indexeddb for the worker runs in ${((performance.now() - stored) / 1000).toFixed(1)} s`);

  const cli: Record<string, { ms: number[]; peak: number; bytes: number }> = {};
  const worker: Record<string, { ms: number[]; peak: number; bytes: number }> = {};
  const bundle = { ms: [] as number[], peak: 0, bytes: 0 };
  const formats: { cli: string[]; worker: ExportFormat; out: string }[] = [
    { cli: ['--format', 'graphml'], worker: 'graphml', out: 'case.graphml' },
    { cli: ['--format', 'gexf'], worker: 'gexf-1.2', out: 'case.gexf' },
    { cli: ['--format', 'csv'], worker: 'csv', out: 'csv' },
  ];
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const format of formats) {
        const out = join(dir, `${run}-${format.out}`);
        const c = await measured(async () => {
          const code = await runExport(['--demo', ...format.cli, '--out', out], quiet, { generateDemoCase: () => snapshot });
          if (code !== 0) throw new Error(`export exited ${code}`);
        });
        const entry = (cli[format.worker] ??= { ms: [], peak: 0, bytes: 0 });
        entry.ms.push(c.ms);
        entry.peak = Math.max(entry.peak, c.peakMiB);
        entry.bytes = sizeOf(out);
        rmSync(out, { recursive: true, force: true });

        let bytes = 0;
        const w = await measured(async () => {
          const done = await writeExport(db, { database: db.address, caseId, format: format.worker, exportedOn: TODAY, prisonsAsNodes: false }, () => undefined);
          bytes = done.file.size;
        });
        const wEntry = (worker[format.worker] ??= { ms: [], peak: 0, bytes: 0 });
        wEntry.ms.push(w.ms);
        wEntry.peak = Math.max(wEntry.peak, w.peakMiB);
        wEntry.bytes = bytes;
      }
      const out = join(dir, `${run}-case.vigia`);
      const b = await measured(async () => {
        const { stream } = await writeBundleStream(
          { snapshot, audit: [], attachments: attachmentsFromMap(new Map()) },
          { sender: identity, encryption: { mode: 'recipients', recipients: [identity.ageRecipient] }, scope: 'case', marking: 'RESERVADO', now: new Date(), ...nodeBundleCodecs },
        );
        await nodeIo.writeStream(out, stream);
      });
      bundle.ms.push(b.ms);
      bundle.peak = Math.max(bundle.peak, b.peakMiB);
      bundle.bytes = sizeOf(out);
      rmSync(out, { force: true });
    }
  } finally {
    clearInterval(sampler);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const base = median(bundle.ms);
  const line = (label: string, e: { ms: number[]; peak: number; bytes: number }) =>
    `  ${label.padEnd(22)} ${(median(e.ms) / 1000).toFixed(2).padStart(6)} s  ${(median(e.ms) / base).toFixed(2)}× the bundle  peak RSS ${e.peak.toFixed(0)} MiB  ${(e.bytes / MiB).toFixed(1)} MiB written`;
  console.log(line('bundle (baseline)', bundle));
  for (const f of formats) console.log(line(`command line, ${f.worker}`, cli[f.worker]!));
  for (const f of formats) console.log(line(`worker, ${f.worker}`, worker[f.worker]!));
  console.log(`load (uptime, 1 min) at end: ${loadavg()[0]!.toFixed(1)}`);
}

// exitCode, not exit(): exit() drops console output still queued for a pipe (`npm run bench | tail`).
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
