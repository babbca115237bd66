/**
 * The case report: the demo's whole 270-person report and a 20-person one, made by the built web app
 * in headless Chromium and printed by Chromium's own PDF printing (what the e2e does, and what the
 * desktop's printToPDF does in a hidden window).
 * - laid out: the report page's address loaded → its content on the page (`report-ready`): reading
 *   the case from IndexedDB, checking the journal, the release, the content, the network figure;
 * - printed: `page.pdf` (tagged, with an outline) of the laid-out page;
 * - peak memory: the page's JS heap (CDP JSHeapUsedSize) sampled every 100 ms, and the PDF's size.
 * Runs interleaved (whole, then 20 people), medians of VIGIA_BENCH_REPORT_RUNS (3). Prints; asserts nothing.
 * `npm run bench -- report`.
 */
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { generateDemoCase } from '../../shared/demo';
import { REPORT_SECTIONS } from '../../shared/report';
import { reportHash } from '../../renderer/features/report/report-link';
import { serveBuiltApp } from './web-app';
import { unlockWhenLocked } from '../e2e/lock-screen';

const RUNS = Number(process.env.VIGIA_BENCH_REPORT_RUNS ?? 3);
const PORT = Number(process.env.VIGIA_BENCH_REPORT_PORT ?? 4374);
const BASE = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = process.env.VIGIA_CHROMIUM ?? '/usr/bin/chromium';
const MiB = 1024 * 1024;
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** One report: ms to lay out, ms to print, peak JS heap in MiB, PDF bytes. */
async function oneReport(page: Page, hash: string): Promise<{ laid: number; printed: number; heap: number; bytes: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let heap = 0;
  const sample = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    heap = Math.max(heap, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
  };
  const sampler = setInterval(() => void sample().catch(() => undefined), 100);
  try {
    const start = performance.now();
    await page.goto(`${BASE}${hash}`);
    await page.getByTestId('report-ready').waitFor({ timeout: 300_000 });
    const laid = performance.now() - start;
    const printStart = performance.now();
    const pdf = await page.pdf({ format: 'A4', printBackground: true, tagged: true, outline: true, preferCSSPageSize: true });
    const printed = performance.now() - printStart;
    await sample();
    return { laid, printed, heap: heap / MiB, bytes: pdf.byteLength };
  } finally {
    clearInterval(sampler);
    await cdp.detach().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  let app: { stop(): void } | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-sandbox'] });
  try {
    console.log('case report benchmark: building the web app…');
    app = await serveBuiltApp(PORT);
    console.log(`load (uptime, 1 min) at start: ${loadavg()[0]!.toFixed(1)}`);
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await unlockWhenLocked(page);
    await page.goto(BASE);
    await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
    await page.getByTestId('network-status').waitFor({ timeout: 120_000 });
    // The app generated the demo for today; the same generator gives the same ids here.
    const demo = generateDemoCase({ today: localToday() });
    const caseId = demo.cases[0]!.id;
    const twenty = demo.persons.slice(0, 20).map((p) => p.id);
    const cases = [
      { label: 'whole case (270 people)', hash: () => reportHash({ caseId, sections: [...REPORT_SECTIONS], token: crypto.randomUUID() }) },
      { label: '20 people', hash: () => reportHash({ caseId, sections: [...REPORT_SECTIONS], personIds: twenty, token: crypto.randomUUID() }) },
    ];
    const results = new Map(cases.map((c) => [c.label, [] as Awaited<ReturnType<typeof oneReport>>[]]));
    for (let i = 0; i < RUNS; i++) {
      for (const c of cases) {
        const reportPage = await context.newPage();
        results.get(c.label)!.push(await oneReport(reportPage, c.hash()));
        await reportPage.close();
      }
    }
    console.log(`medians of ${RUNS}`);
    for (const [label, runs] of results) {
      console.log(
        `  ${label.padEnd(24)} laid out ${(median(runs.map((r) => r.laid)) / 1000).toFixed(2)} s  printed ${(median(runs.map((r) => r.printed)) / 1000).toFixed(2)} s  ` +
          `peak JS heap ${Math.max(...runs.map((r) => r.heap)).toFixed(0)} MiB  PDF ${(median(runs.map((r) => r.bytes)) / MiB).toFixed(1)} MiB`,
      );
    }
    console.log(`load (uptime, 1 min) at end: ${loadavg()[0]!.toFixed(1)}`);
    await context.close();
  } finally {
    await browser.close();
    app?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
