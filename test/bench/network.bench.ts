/**
 * The network view's speed in headless Chromium, against a Cytoscape baseline in the same run.
 *
 * Ours: the built web app (`vite build` into a temporary folder, served by `vite preview`), the demo
 * case of each size opened once (generated and stored by the app), then the page reloaded: "first
 * view" is navigation start → the view's `vigia:network-rendered` mark, so it includes starting
 * the app and reading the case from IndexedDB. Pan: the mouse drags the canvas; a frame is the time
 * between two animation frames while it moves.
 * Baseline: a blank page with Cytoscape (the same dist file) at default settings — default style,
 * default (grid) layout — given prisons as compound nodes and every person and link; "first view"
 * is constructor → first `render` event (data in memory already: the baseline does less work).
 *
 * A case above the prison-level threshold opens on its prison overview, cached per case: a reload
 * draws it from the cache. Two more columns say what that leaves out: "full view" is navigation
 * start → `vigia:network-full` (people and links read, the full view drawn: prisons can be opened),
 * with the pan frame measured again after it; "cold" is a reload after the cached overview was
 * deleted (the overview worker reads the whole case first).
 *
 * `npx tsx test/bench/network.bench.ts` or `npm run bench -- network`. VIGIA_BENCH_NETWORK_SIZES
 * (default "270,1000,10000") picks the demo sizes; VIGIA_BENCH_NETWORK_RUNS (default 3) the reloads;
 * VIGIA_BENCH_NETWORK_PORT (default 4373) the preview server's port.
 * Beside wall times it prints the main thread's CPU time to the first view (CDP ThreadTime), for
 * ours and the baseline: on a machine loaded by other work, wall times swell, CPU times hardly do.
 * Prints medians; asserts nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { generateDemoCase } from '../../shared/demo';
import { currentStay } from '../../renderer/db/queries/current-stay';

const SIZES = (process.env.VIGIA_BENCH_NETWORK_SIZES ?? '270,1000,10000').split(',').map(Number);
const RUNS = Number(process.env.VIGIA_BENCH_NETWORK_RUNS ?? 3);
const PORT = Number(process.env.VIGIA_BENCH_NETWORK_PORT ?? 4373);
const BASE = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = process.env.VIGIA_CHROMIUM ?? '/usr/bin/chromium';
const root = process.cwd();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited ${code}`))));
  });
}

async function waitForServer(url: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

/**
 * Mean duration of the frames drawn while the mouse drags the canvas (a pan): the drag's length in
 * page time divided by the animation frames that fell in it. A renderer that needs 300 ms per frame
 * gets few frames in a long drag; an idle one gets a frame every 16.7 ms.
 */
async function panFrameTime(page: Page, selector: string): Promise<number> {
  // A large case's overview is replaced by the full view in the same place: the canvas may be
  // swapped while we look for it, so look again.
  let box: Awaited<ReturnType<ReturnType<Page['locator']>['boundingBox']>> = null;
  for (let attempt = 0; attempt < 5 && !box; attempt++) {
    await page.locator(selector).first().waitFor({ state: 'visible' });
    box = await page.locator(selector).first().boundingBox();
  }
  if (!box) throw new Error('no canvas to pan');
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Strings, not functions: tsx's helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__framing = true;
    window.__dragStart = performance.now();
    const tick = (time) => {
      window.__frames.push(time);
      if (window.__framing) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  for (let i = 1; i <= 12; i++) await page.mouse.move(x + i * 12, y + (i % 2) * 6, { steps: 2 });
  // Wait for the frame that draws the last move, then stop counting.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const [start, end, frames] = (await page.evaluate(
    '(() => { window.__framing = false; return [window.__dragStart, performance.now(), window.__frames.length]; })()',
  )) as [number, number, number];
  await page.mouse.up();
  return (end - start) / Math.max(1, frames);
}

/**
 * CPU time of the page's main thread (CDP's ThreadTime), in ms: unlike wall time it hardly grows
 * when other processes load the machine, so ours and the baseline compare fairly on a busy machine.
 */
async function mainThreadCpu(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN) * 1000;
}

/** Polls for a performance mark (waitForFunction would evaluate a string, which the app's CSP forbids). */
async function waitForMark(page: Page, name: string, ms = 300_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if ((await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}).length`)) as number) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${name} mark after ${ms} ms`);
}

/** Deletes the cached prison overviews from the app's database (in the page); resolves how many there were. */
const DROP_CACHED_OVERVIEWS = `new Promise((resolve) => {
  const open = indexedDB.open('vigia');
  open.onsuccess = () => {
    const tx = open.result.transaction('layouts', 'readwrite');
    const store = tx.objectStore('layouts');
    const all = store.getAll();
    all.onsuccess = () => {
      const rows = all.result.filter((row) => row.viewId === 'prison-overview');
      for (const row of rows) store.delete([row.caseId, row.viewId]);
      tx.oncomplete = () => { open.result.close(); resolve(rows.length); };
    };
  };
})`;

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Prisons as compound nodes, every person inside their prison, every link: what the baseline draws. */
function baselineElements(size: number) {
  const snapshot = generateDemoCase({ size, today: localToday() });
  const staysByPerson = new Map<string, typeof snapshot.stays>();
  for (const stay of snapshot.stays) (staysByPerson.get(stay.personId) ?? staysByPerson.set(stay.personId, []).get(stay.personId)!).push(stay);
  const elements: { group: 'nodes' | 'edges'; data: Record<string, string> }[] = snapshot.prisons.map((p) => ({ group: 'nodes', data: { id: p.id, label: p.name } }));
  for (const person of snapshot.persons) {
    const stay = currentStay(staysByPerson.get(person.id) ?? []);
    elements.push({ group: 'nodes', data: { id: person.id, label: person.primaryName, ...(stay ? { parent: stay.prisonId } : {}) } });
  }
  for (const link of snapshot.links) elements.push({ group: 'edges', data: { id: link.id, source: link.fromId, target: link.toId } });
  return { elements, people: snapshot.persons.length, links: snapshot.links.length };
}

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'vigia-bench-web-'));
  let server: ChildProcess | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-sandbox'] });
  try {
    console.log('network view benchmark: building the web app…');
    await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error']);
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.config.ts', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], {
      cwd: root,
      stdio: 'ignore',
    });
    await waitForServer(BASE);

    const rows: string[] = [];
    for (const size of SIZES) {
      // Ours: open the demo case of this size once, then time reloads (the case comes from IndexedDB).
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(BASE);
      await page.getByRole('radio', { name: new RegExp(`^${new Intl.NumberFormat('es-ES').format(size)} personas?`) }).check();
      await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
      await page.getByTestId('network-status').waitFor({ timeout: 600_000 });
      const firstViews: number[] = [];
      const firstCpus: number[] = [];
      const drawings: number[] = [];
      const pans: number[] = [];
      const fullViews: number[] = [];
      const fullPans: number[] = [];
      const colds: number[] = [];
      for (let i = 0; i <= RUNS; i++) {
        await page.reload();
        await waitForMark(page, 'vigia:network-rendered');
        // ThreadTime starts again with each document: this is the reloaded page's, up to one 50 ms poll late (an upper bound).
        const cpu = await mainThreadCpu(cdp);
        const at = (await page.evaluate(`performance.getEntriesByName('vigia:network-rendered')[0].startTime`)) as number;
        const dataAt = (await page.evaluate(`performance.getEntriesByName('vigia:network-data')[0]?.startTime ?? 0`)) as number;
        await page.waitForTimeout(300);
        // While a large case's people and links are still being read: the page must answer.
        const pan = await panFrameTime(page, '.network-canvas');
        await waitForMark(page, 'vigia:network-full');
        const fullAt = (await page.evaluate(`performance.getEntriesByName('vigia:network-full')[0].startTime`)) as number;
        await page.waitForTimeout(300);
        const fullPan = await panFrameTime(page, '.network-canvas');
        if (i > 0) {
          firstViews.push(at);
          firstCpus.push(cpu);
          drawings.push(at - dataAt);
          pans.push(pan);
          fullViews.push(fullAt);
          fullPans.push(fullPan);
        }
      }
      // Cold: the cached overview deleted (as after any change to the case), then a reload.
      const cached = (await page.evaluate(DROP_CACHED_OVERVIEWS)) as number;
      if (cached > 0) {
        for (let i = 0; i < RUNS; i++) {
          if (i > 0) {
            await page.evaluate(DROP_CACHED_OVERVIEWS);
          }
          await page.reload();
          await waitForMark(page, 'vigia:network-rendered');
          colds.push((await page.evaluate(`performance.getEntriesByName('vigia:network-rendered')[0].startTime`)) as number);
          await waitForMark(page, 'vigia:network-full');
        }
      }
      const status = await page.getByTestId('network-status').textContent();
      await context.close();

      // Baseline: Cytoscape defaults, compound prisons, all people, on a blank page.
      const { elements, people, links } = baselineElements(size);
      const baseFirst: number[] = [];
      const baseCpus: number[] = [];
      const basePans: number[] = [];
      const baseRuns = size >= 5000 ? 1 : RUNS;
      for (let i = 0; i < baseRuns; i++) {
        const basePage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await basePage.setContent('<!doctype html><html><body style="margin:0"><div id="cy" style="position:absolute;inset:0"></div></body></html>');
        await basePage.addScriptTag({ path: join(root, 'node_modules/cytoscape/dist/cytoscape.min.js') });
        await basePage.evaluate(`window.__elements = ${JSON.stringify(elements)}`);
        const baseCdp = await basePage.context().newCDPSession(basePage);
        await baseCdp.send('Performance.enable');
        const baseCpuBefore = await mainThreadCpu(baseCdp);
        const first = (await basePage.evaluate(`new Promise((resolve) => {
          const start = performance.now();
          const cy = cytoscape({ container: document.getElementById('cy'), elements: window.__elements });
          cy.one('render', () => resolve(performance.now() - start));
        })`)) as number;
        baseFirst.push(first);
        baseCpus.push((await mainThreadCpu(baseCdp)) - baseCpuBefore);
        basePans.push(await panFrameTime(basePage, '#cy'));
        await basePage.close();
      }
      const ours = median(firstViews);
      const theirs = median(baseFirst);
      const oursPan = median(pans);
      const theirsPan = median(basePans);
      rows.push(
        [
          `${people} people / ${links} links (${status?.trim()})`,
          `  first view: ours ${ours.toFixed(0)} ms from page load (app start + IndexedDB + drawing), of which drawing ${median(drawings).toFixed(0)} ms · baseline ${theirs.toFixed(0)} ms (data in memory)`,
          `              ${(theirs / ours).toFixed(1)}× the baseline's speed from page load, ${(theirs / median(drawings)).toFixed(1)}× for the drawing (medians of ${RUNS} reloads and ${baseRuns} baseline runs)`,
          `  main-thread CPU to the first view: ours ${median(firstCpus).toFixed(0)} ms (page load included, upper bound) · baseline ${median(baseCpus).toFixed(0)} ms · ${(median(baseCpus) / median(firstCpus)).toFixed(1)}× (hardly changed by machine load)`,
          `  pan frame:  ours ${oursPan.toFixed(1)} ms (300 ms after the first view) · baseline ${theirsPan.toFixed(1)} ms · ${(theirsPan / oursPan).toFixed(1)}× the baseline's speed (mean frame while dragging)`,
          `  full view:  ours ${median(fullViews).toFixed(0)} ms from page load (people and links read, prisons can be opened) · ${(theirs / median(fullViews)).toFixed(1)}× the baseline · pan frame then ${median(fullPans).toFixed(1)} ms`,
          ...(colds.length > 0
            ? [`  cold:       ours ${median(colds).toFixed(0)} ms from page load to the first view without the cached overview · ${(theirs / median(colds)).toFixed(1)}× the baseline (median of ${colds.length})`]
            : []),
        ].join('\n'),
      );
      console.log(rows.at(-1));
    }
  } finally {
    await browser.close();
    server?.kill();
    rmSync(outDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
