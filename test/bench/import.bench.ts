/**
 * Spreadsheet import of a workbook of 10,000 people (with their stay and sentence) and 50,000
 * communications, in Node (fake-indexeddb stands in for IndexedDB, as in the database's unit tests):
 * - preview: reading the workbook and planning the import (what the import worker does); goal ≤ 5 s;
 * - written: applying the plan in one transaction (one stamp, bulk writes, a hash-chained audit entry
 *   per record naming its rows: renderer/db/repositories/apply-import.ts); goal ≤ 20 s;
 * - baseline, same run: the same records written through the bundle import path (applyBundle: merge
 *   plan, bulk writes, arrivals, log), which writes in bulk and audits once per case.
 * Peak RSS is sampled every 50 ms. VIGIA_BENCH_IMPORT_PEOPLE / _LINKS change the sizes, _RUNS the
 * number of write runs (default 3).
 * Run by `npm run bench -- import` (or `node --expose-gc --import tsx test/bench/import.bench.ts`).
 */
import 'fake-indexeddb/auto';
import { strToU8, zipSync } from 'fflate';
import { PRISONS_ES } from '../../shared/gazetteer';
import { materialisePlan, planImport, readWorkbook, type ExistingCase, type ImportSpec } from '../../shared/import';
import { CASE_TABLE_NAMES, emptySnapshot, formatStamp, type CaseSnapshot } from '../../shared/model';
import { importSnapshot } from '../../renderer/db/import-snapshot';
import { applyBundle } from '../../renderer/db/sync/apply-bundle';
import { freshDatabase, meta } from '../../renderer/db/test-support';
import { applyImport } from '../../renderer/db/repositories/apply-import';

const PEOPLE = Number(process.env.VIGIA_BENCH_IMPORT_PEOPLE ?? 10_000);
const LINKS = Number(process.env.VIGIA_BENCH_IMPORT_LINKS ?? 50_000);
const PREVIEW_RUNS = 3;
const WRITE_RUNS = Number(process.env.VIGIA_BENCH_IMPORT_RUNS ?? 3);
const CASE_ID = 'case:import-bench';

/** A seeded PRNG (mulberry32), so every run imports the same workbook. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const row = (n: number, cells: string[]) =>
  `<row r="${n}">${cells.map((c, i) => `<c r="${String.fromCharCode(65 + i)}${n}" t="inlineStr"><is><t>${xml(c)}</t></is></c>`).join('')}</row>`;

function workbook(): Uint8Array {
  const next = random(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const given = ['Youssef', 'Mohamed', 'Karim', 'Rachid', 'Hicham', 'Abdelkader', 'Said', 'Omar', 'Bilal', 'Hamza'];
  const family = ['El Amrani', 'Benali', 'Ouazzani', 'Tahiri', 'Bensaid', 'El Idrissi', 'Alami', 'Chakir', 'Haddad', 'Ziani'];
  const day = () => `${String(1 + Math.floor(next() * 28)).padStart(2, '0')}/${String(1 + Math.floor(next() * 12)).padStart(2, '0')}/${2010 + Math.floor(next() * 10)}`;
  const nis = (i: number) => String(i + 1).padStart(8, '0');
  const people = [row(1, ['NIS', 'Nombre', 'Apellidos', 'Alias', 'Centro', 'Módulo', 'Fecha ingreso', 'Delito', 'Fecha prevista libertad'])];
  for (let i = 0; i < PEOPLE; i++) {
    people.push(row(i + 2, [nis(i), pick(given), `${pick(family)} ${i}`, `Abu ${pick(given)}`, pick(PRISONS_ES).name, String(1 + (i % 12)), day(), 'Terrorismo', `${day().slice(0, 6)}2030`]));
  }
  const links = [row(1, ['Remitente', 'Destinatario', 'Tipo', 'Fecha'])];
  for (let i = 0; i < LINKS; i++) {
    const a = Math.floor(next() * PEOPLE);
    const b = (a + 1 + Math.floor(next() * (PEOPLE - 1))) % PEOPLE;
    links.push(row(i + 2, [nis(a), nis(b), pick(['Carta', 'Llamada', 'Visita']), day()]));
  }
  const sheet = (rows: string[]) => strToU8(`<?xml version="1.0"?><worksheet><sheetData>${rows.join('')}</sheetData></worksheet>`);
  return zipSync({
    'xl/workbook.xml': strToU8('<?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="Internos" sheetId="1" r:id="rId1"/><sheet name="Comunicaciones" sheetId="2" r:id="rId2"/></sheets></workbook>'),
    'xl/_rels/workbook.xml.rels': strToU8('<?xml version="1.0"?><Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>'),
    'xl/worksheets/sheet1.xml': sheet(people),
    'xl/worksheets/sheet2.xml': sheet(links),
  });
}

const SPEC: ImportSpec = {
  format: 'vigia-import-spec',
  version: 1,
  name: 'bench',
  description: '',
  source: { kind: 'report', reliability: 'B', credibility: 2 },
  sheets: [
    {
      sheet: 'Internos',
      target: 'people',
      headerRow: 1,
      personReference: { by: 'identifier', scheme: 'NIS' },
      fields: [
        { field: 'identifier', columns: ['NIS'], scheme: 'NIS' },
        { field: 'primaryName', columns: ['Nombre', 'Apellidos'] },
        { field: 'alias', columns: ['Alias'], split: ';' },
        { field: 'prison', columns: ['Centro'] },
        { field: 'module', columns: ['Módulo'] },
        { field: 'stayFrom', columns: ['Fecha ingreso'], dateFormat: 'dmy' },
        { field: 'offence', columns: ['Delito'] },
        { field: 'expectedRelease', columns: ['Fecha prevista libertad'], dateFormat: 'dmy' },
      ],
    },
    {
      sheet: 'Comunicaciones',
      target: 'links',
      headerRow: 1,
      personReference: { by: 'identifier', scheme: 'NIS' },
      fields: [
        { field: 'from', columns: ['Remitente'] },
        { field: 'to', columns: ['Destinatario'] },
        { field: 'kind', columns: ['Tipo'] },
        { field: 'date', columns: ['Fecha'], dateFormat: 'dmy' },
      ],
    },
  ],
};

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const peakDuring = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMiB: number }> => {
  gc();
  peak = process.memoryUsage().rss;
  const start = performance.now();
  const value = await work();
  const ms = performance.now() - start;
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, ms, peakMiB: peak / 1024 / 1024 };
};

const caseRecord = () => {
  const snapshot = emptySnapshot();
  snapshot.cases.push({ ...meta(CASE_ID, CASE_ID), name: 'Bench', description: '', unit: '', openedOn: '2026-01-01', marking: 'RESERVADO', archived: false, synthetic: true });
  return snapshot;
};
const empty: ExistingCase = { caseId: CASE_ID, persons: [], prisons: [], stays: [], sentences: [], links: [], events: [], sources: [] };

const bytes = workbook();
const sha256 = 'b'.repeat(64);
console.log(`import, a workbook of ${PEOPLE.toLocaleString('en')} people (stay, sentence) + ${LINKS.toLocaleString('en')} communications (${(bytes.length / 1024 / 1024).toFixed(1)} MiB .xlsx)`);

const previews: number[] = [];
let previewPeak = 0;
let plan: ReturnType<typeof planImport> | undefined;
for (let run = 0; run < PREVIEW_RUNS + 1; run++) {
  const measured = await peakDuring(async () => {
    const read = readWorkbook(bytes, 'bench.xlsx');
    if (!read.ok) throw new Error(read.error.code);
    return planImport(SPEC, [{ workbook: read.workbook, sha256 }], empty);
  });
  if (run > 0) previews.push(measured.ms); // the first run warms up
  previewPeak = Math.max(previewPeak, measured.peakMiB);
  plan = measured.value;
}
const records = plan!.changes.length;
console.log(`  records planned: ${records.toLocaleString('en')} (${Object.entries(plan!.counts).map(([t, c]) => `${t} ${c.new}`).join(', ')}; ${plan!.rejected.length} rejected)`);
console.log(`  preview (read + plan)   median ${seconds(median(previews))} of ${PREVIEW_RUNS} runs   goal ≤ 5 s   peak RSS ${previewPeak.toFixed(0)} MiB`);

// The same records as a bundle would carry them, for the baseline.
const bundled: CaseSnapshot = caseRecord();
for (const { table, record } of materialisePlan(plan!, empty, { at: 1, hlc: formatStamp({ millis: 1, counter: 0, node: 'bench' }), by: 'bench' })) {
  (bundled[table] as unknown[]).push(record);
}
const stamps = CASE_TABLE_NAMES.flatMap((t) => bundled[t].map((r) => r.hlc)).sort();

const writes: number[] = [];
const baselines: number[] = [];
let writePeak = 0;
let baselinePeak = 0;
for (let run = 0; run < WRITE_RUNS; run++) {
  const db = await freshDatabase();
  await importSnapshot(db, caseRecord());
  const written = await peakDuring(() => applyImport(db, CASE_ID, plan!, () => undefined, () => false));
  if (!written.value.ok) throw new Error(`import refused: ${JSON.stringify(written.value).slice(0, 300)}`);
  writes.push(written.ms);
  writePeak = Math.max(writePeak, written.peakMiB);
  db.close();

  const other = await freshDatabase();
  const baseline = await peakDuring(() =>
    applyBundle(
      other,
      {
        manifest: {
          format: 'vigia-bundle', version: 1, bundleId: crypto.randomUUID(), createdAt: new Date(0).toISOString(),
          sender: { name: 'Bench', signingKey: 'RWQ', fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-0000-1111' },
          encryption: { mode: 'passphrase' }, scope: 'case', caseIds: [CASE_ID], marking: 'RESERVADO', synthetic: true,
          clock: { from: stamps[0]!, to: stamps.at(-1)! }, counts: Object.fromEntries(CASE_TABLE_NAMES.map((t) => [t, bundled[t].length])), entries: [],
        },
        snapshot: bundled,
        audit: [],
        attachments: new Map(),
      },
      { name: 'Bench', fingerprint: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-0000-1111' },
    ),
  );
  baselines.push(baseline.ms);
  baselinePeak = Math.max(baselinePeak, baseline.peakMiB);
  other.close();
}
clearInterval(sampler);
const w = median(writes);
const b = median(baselines);
console.log(`  written (one transaction, bulk, audited per record)   median ${seconds(w)} of ${WRITE_RUNS} runs   goal ≤ 20 s   peak RSS ${writePeak.toFixed(0)} MiB`);
console.log(`  baseline: bundle import path (applyBundle)       median ${seconds(b)} of ${WRITE_RUNS} runs   peak RSS ${baselinePeak.toFixed(0)} MiB`);
console.log(`  ratio written / bundle path ${(w / b).toFixed(2)}×`);
