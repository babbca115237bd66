/**
 * The timeline in Chromium (Debian's, against the built web app `vite build` + `vite preview`), for
 * the 270-person demo and the 10,000-person one:
 * - first view: "Cronología" pressed → the lanes on screen (the `vigia:timeline-drawn` mark), the
 *   case already open; goal ≤ 1 s for the 10k case;
 * - scrolling: the lanes scroll 40 px a frame for 60 frames; the time between frames (requestAnimationFrame
 *   to requestAnimationFrame), p50 / p95: 16.7 ms is the display's rate, more is a frame dropped;
 * - baseline, same run: the same lanes drawn all at once, not virtualised (the timeline's own SVG
 *   of every lane, shown as an image in a blank page): what a timeline that draws everything costs.
 * VIGIA_BENCH_TIMELINE_SIZES (default "270,10000") picks the sizes; VIGIA_BENCH_TIMELINE_RUNS (default
 * 5) the number of presses per size. Run by `npm run bench -- timeline`.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { serveBuiltApp } from './web-app';
import { unlockWhenLocked } from '../e2e/lock-screen';

const SIZES = (process.env.VIGIA_BENCH_TIMELINE_SIZES ?? '270,10000').split(',').map(Number);
const RUNS = Number(process.env.VIGIA_BENCH_TIMELINE_RUNS ?? 5);
const FRAMES = 60;
const PORT = 4191;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (values: readonly number[], share: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(share * values.length) - 1)]!;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
const load = () => loadavg()[0]!.toFixed(1);

async function pressTimeline(page: Page): Promise<number> {
  const radio = page.getByRole('radiogroup', { name: 'Vista del caso' }).getByRole('radio', { name: 'Cronología' });
  await page.evaluate(() => performance.clearMarks('vigia:timeline-drawn'));
  await radio.evaluate((el) => el.addEventListener('click', () => ((window as unknown as { __pressedAt: number }).__pressedAt = performance.now()), { capture: true, once: true }));
  await radio.click();
  await page.waitForFunction(() => performance.getEntriesByName('vigia:timeline-drawn').length > 0, undefined, { timeout: 120_000 });
  return (await page.evaluate('performance.getEntriesByName("vigia:timeline-drawn")[0].startTime - window.__pressedAt')) as number;
}

/** Time between frames while the lanes scroll (a string: tsx's helpers do not exist in the page). */
async function scrollFrames(page: Page): Promise<number[]> {
  return (await page.evaluate(`new Promise((resolve) => {
    const box = document.querySelector('.timeline-lanes');
    const gaps = [];
    let last;
    const frame = (now) => {
      if (last !== undefined) gaps.push(now - last);
      last = now;
      if (gaps.length >= ${FRAMES}) return resolve(gaps);
      box.scrollTop += 40;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })`)) as number[];
}

/** The baseline: every lane drawn at once, from the SVG the timeline exports (without the 500-lane bound). */
async function drawAllLanes(page: Page, svg: string): Promise<number> {
  const blank = await page.context().newPage();
  await blank.setContent('<!doctype html><html><body style="margin:0"></body></html>');
  await blank.evaluate((text) => ((window as unknown as { __svg: string }).__svg = text), svg);
  const took = (await blank.evaluate(`(async () => {
    const start = performance.now();
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([window.__svg], { type: 'image/svg+xml' }));
    document.body.append(img);
    await img.decode();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  })()`)) as number;
  await blank.close();
  return took;
}

const chromiumPath = [process.env.VIGIA_CHROMIUM, '/usr/bin/chromium'].find((p): p is string => Boolean(p) && existsSync(p as string));
if (!chromiumPath) throw new Error('Chromium not found (install Debian chromium or set VIGIA_CHROMIUM)');
console.log('timeline benchmark: building the web app…');
const app = await serveBuiltApp(PORT);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--disable-gpu', '--no-sandbox'] });
try {
  console.log(`load (uptime, 1 min) at start: ${load()}`);
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await unlockWhenLocked(page);
    await page.goto(app.base);
    if (size !== 270) await page.getByRole('radio', { name: new RegExp(`^${new Intl.NumberFormat('es-ES').format(size)} personas?`) }).check();
    await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
    await page.getByTestId('network-status').waitFor({ timeout: 300_000 });
    const firsts: number[] = [];
    const frames: number[] = [];
    let lanes = '';
    for (let run = 0; run < RUNS; run++) {
      firsts.push(await pressTimeline(page));
      lanes = (await page.getByRole('list', { name: /carriles$/ }).getAttribute('aria-label')) ?? '';
      frames.push(...(await scrollFrames(page)));
      await page.getByRole('radiogroup', { name: 'Vista del caso' }).getByRole('radio', { name: 'Red' }).click();
      await page.getByTestId('network-status').waitFor();
    }
    // The baseline's SVG: the exported picture of the current window, all lanes (the export's bound lifted by asking per 500).
    await page.getByRole('radiogroup', { name: 'Vista del caso' }).getByRole('radio', { name: 'Cronología' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportar cronología SVG' }).click()]);
    const { readFileSync } = await import('node:fs');
    const svg = readFileSync(await file.path(), 'utf8');
    const exportedLanes = Number(/· (\d[\d.]*) de/.exec(svg)?.[1]?.replace(/\./g, '') ?? '0');
    const baselines: number[] = [];
    for (let run = 0; run < RUNS; run++) baselines.push(await drawAllLanes(page, svg));
    const first = median(firsts);
    const base = median(baselines);
    console.log(
      `${size.toLocaleString('en')} people (${lanes}): first view median ${ms(first)} of ${RUNS} (goal ≤ 1 s at 10k)   ` +
        `scrolling p50 ${percentile(frames, 0.5).toFixed(1)} / p95 ${percentile(frames, 0.95).toFixed(1)} ms over ${frames.length} frames   ` +
        `baseline: ${exportedLanes.toLocaleString('en')} lanes drawn at once ${ms(base)} (${(base / exportedLanes).toFixed(2)} ms a lane; ${ms((base / exportedLanes) * size)} for all ${size.toLocaleString('en')})   load ${load()}`,
    );
    await context.close();
  }
} finally {
  await browser.close();
  app.stop();
}
