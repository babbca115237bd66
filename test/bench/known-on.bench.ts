/**
 * "The case as known on a day" for the 10,000-person demo case, in Node (fake-indexeddb stands in for
 * IndexedDB, as in the database's unit tests; Chromium's IndexedDB is faster):
 * - the case arrives on day 1, then on each of 20 days the analyst makes 100 edits (renames, a
 *   deleted link, a new person): 2,000 journal entries on top of the import;
 * - worked out: buildPastOverlay for day 10 (what the past-state worker does: read and verify every
 *   chain of the journal, read the records later changes name, undo those changes, keep the
 *   overlay); goal ≤ 2 s;
 * - read: the whole case read through the overlay (what the network worker does on opening it);
 * - baseline, same run: the whole case read from the live database (loadCaseRecords).
 * Then in Chromium (Debian's, against the built web app): the 10k demo opened, "Caso conocido el…"
 * today, timed from "Mostrar" to the past-state banner, three times (the demo is made today, so
 * nothing is undone: this is the fixed cost of reading and verifying the journal and opening).
 * VIGIA_BENCH_KNOWN_ON_SIZE changes the case size, _RUNS the number of runs (default 5).
 * Run by `npm run bench -- known-on` (or `node --expose-gc --import tsx test/bench/known-on.bench.ts`).
 */
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { generateDemoCase } from '../../shared/demo';
import { openVigiaDatabase } from '../../renderer/db/database';
import { buildPastOverlay } from '../../renderer/db/history/past-overlay';
import { discardPastOverlay, pastStateName } from '../../renderer/db/history/overlay-store';
import { importSnapshot } from '../../renderer/db/import-snapshot';
import { createPerson, updatePerson } from '../../renderer/db/repositories/persons';
import { deleteLink } from '../../renderer/db/repositories/links';
import { loadCaseRecords } from '../../renderer/db/sync/case-contents';
import { freshDatabase } from '../../renderer/db/test-support';
import { serveBuiltApp } from './web-app';
import { unlockWhenLocked } from '../e2e/lock-screen';

const SIZE = Number(process.env.VIGIA_BENCH_KNOWN_ON_SIZE ?? 10_000);
const RUNS = Number(process.env.VIGIA_BENCH_KNOWN_ON_RUNS ?? 5);
const DAYS = 20;
const EDITS_PER_DAY = 100;
const DAY = 86_400_000;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

const start = Date.UTC(2026, 0, 5, 12);
let now = start;
const db = await freshDatabase({ now: () => now });
const snapshot = generateDemoCase({ size: SIZE, today: isoDay(start) });
const caseId = snapshot.cases[0]!.id;
await importSnapshot(db, snapshot);
const persons = snapshot.persons;
const links = snapshot.links;
let edits = 0;
for (let day = 1; day <= DAYS; day++) {
  now = start + day * DAY;
  for (let i = 0; i < EDITS_PER_DAY; i++) {
    const n = (day * EDITS_PER_DAY + i) * 7;
    if (i % 10 === 0) await createPerson(db, caseId, { primaryName: `Nuevo ${day}-${i}` });
    else if (i % 10 === 1) await deleteLink(db, links[n % links.length]!.id);
    else await updatePerson(db, persons[n % persons.length]!.id, { primaryName: `Renombrado ${day}-${i}` });
    edits++;
  }
}
const records = Object.values(await loadCaseRecords(db, [caseId])).reduce((sum, rows) => sum + rows.length, 0);
console.log(`known on a day, the ${SIZE.toLocaleString('en')}-person demo case: ${records.toLocaleString('en')} records, ${edits.toLocaleString('en')} edits over ${DAYS} days`);

const rebuilt: number[] = [];
const readPast: number[] = [];
const baseline: number[] = [];
let undone = 0;
let changed = 0;
let pastRecords = 0;
for (let run = 0; run < RUNS; run++) {
  globalThis.gc?.();
  let t = performance.now();
  await loadCaseRecords(db, [caseId]);
  baseline.push(performance.now() - t);
  globalThis.gc?.();
  t = performance.now();
  const result = await buildPastOverlay(db, caseId, isoDay(start + (DAYS / 2) * DAY));
  rebuilt.push(performance.now() - t);
  if (!result.ok) throw new Error(`past state refused: ${result.reason}`);
  undone = result.undone;
  changed = result.changed;
  globalThis.gc?.();
  t = performance.now();
  const past = await openVigiaDatabase(pastStateName(db.name));
  const seen = await loadCaseRecords(past, [caseId]);
  readPast.push(performance.now() - t);
  pastRecords = Object.values(seen).reduce((sum, rows) => sum + rows.length, 0);
  past.close();
}
await discardPastOverlay(db.name);
const r = median(rebuilt);
const p = median(readPast);
const b = median(baseline);
console.log(`  worked out at day ${DAYS / 2} (verify, undo ${undone.toLocaleString('en')} changes, keep ${changed.toLocaleString('en')} overlay rows)   median ${seconds(r)} of ${RUNS} runs   goal ≤ 2 s`);
console.log(`  the case read through the overlay (${pastRecords.toLocaleString('en')} records)   median ${seconds(p)} of ${RUNS} runs`);
console.log(`  baseline: the case read live                                median ${seconds(b)} of ${RUNS} runs`);
console.log(`  ratios: worked out / live read ${(r / b).toFixed(2)}×, read through overlay / live read ${(p / b).toFixed(2)}×`);
db.close();

const chromiumPath = [process.env.VIGIA_CHROMIUM, '/usr/bin/chromium'].find((p): p is string => Boolean(p) && existsSync(p as string));
if (!chromiumPath) throw new Error('Chromium not found (install Debian chromium or set VIGIA_CHROMIUM)');
const app = await serveBuiltApp(4188);
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--disable-gpu', '--no-sandbox'] });
try {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await unlockWhenLocked(page);
  await page.goto(app.base);
  await page.getByRole('radio', { name: /^10\.000 personas/ }).check();
  await page.getByRole('button', { name: 'Abrir caso de demostración' }).click();
  await page.getByTestId('network-status').waitFor({ timeout: 300_000 });
  const shown: number[] = [];
  for (let run = 0; run < 3; run++) {
    await page.getByRole('button', { name: 'Caso', exact: true }).click();
    await page.getByRole('button', { name: 'Caso conocido el…', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'El caso tal como se conocía' });
    await dialog.getByLabel('Conocido al final del día').fill(await page.evaluate(() => new Date().toLocaleDateString('sv')));
    const t = Date.now();
    await dialog.getByRole('button', { name: 'Mostrar' }).click();
    await page.getByText('Estado pasado, solo lectura.').waitFor({ timeout: 120_000 });
    shown.push(Date.now() - t);
    await page.getByRole('button', { name: 'Volver a hoy' }).click();
    await page.getByTestId('past-state-banner').waitFor({ state: 'detached' });
    await page.getByTestId('network-status').waitFor({ timeout: 300_000 });
  }
  console.log(`Chromium, the 10,000-person demo known on today: past state on screen ${shown.map((v) => `${v} ms`).join(', ')}; median ${median(shown)} ms (load ${loadavg()[0]!.toFixed(1)})   goal ≤ 2 s`);
} finally {
  await browser.close();
  app.stop();
}
