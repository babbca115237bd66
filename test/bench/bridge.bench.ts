/**
 * Bundle files through the platform bridge, in Chromium: the memory of importing and exporting a
 * large bundle in the built app. A 1000-person demo case plus VIGIA_BENCH_BRIDGE_ATTACHMENT_MIB
 * (512) of incompressible attachments is written as a bundle folder and sealed to a passphrase by the
 * CLI (`bundle create --input DIR`); then the app, served by `vite preview`, imports it (pick →
 * passphrase → decrypt, verify, stage → trust → preview → apply) and exports the case again
 * (encrypt → save), and the exported file is opened with the shared reader to check it.
 *
 * Peak memory is VmHWM (reset through /proc/PID/clear_refs before each phase) of the page's renderer
 * process — the page and its workers live there — and of the browser process, where Chromium keeps
 * Blob data (spilled to disk past its memory quota) and the IndexedDB backend. The baseline, in the
 * same run, is the same case with one 16 MiB attachment: the difference is what the attachments cost
 * (bounded memory: about nothing). Each run is a fresh browser.
 *
 * Two bridges: `web` is the real web bridge (the picked File goes to the worker, the exported Blob is
 * downloaded); `electron-shaped` installs, before the app starts, a `window.vigia` that answers the
 * contract like Electron's preload does, over the picked File and a Blob download, so that the
 * Electron code path in the renderer (page-fed stream into the worker, worker stream into chunked
 * writes) runs in a real Chromium. The real main process cannot run here (no Electron binary).
 *
 * `npm run bench -- bridge`. VIGIA_BENCH_BRIDGE_ATTACHMENT_MIB (512), VIGIA_BENCH_BRIDGE_MODES
 * (web,electron-shaped), VIGIA_BENCH_WEB_DIR (a built renderer; built into a temporary folder when
 * absent), VIGIA_BENCH_BRIDGE_PORT (4791), VIGIA_BENCH_BRIDGE_RUNS (1: each run takes minutes; medians
 * over more), VIGIA_CHROMIUM (/usr/bin/chromium).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { bundleFileAt, tempFileStage } from '../../electron/node/staged-file';
import { nodeSha256 } from '../../electron/cli/commands/cli-io';
import { openBundle } from '../../shared/bundle/read';
import { generateDemoCase } from '../../shared/demo';
import { CASE_TABLE_NAMES } from '../../shared/model/tables';
import { benchAttachment, seededBytes } from './bench-attachments';
import { unlockWhenLocked } from '../e2e/lock-screen';

const ATTACHMENT_MIB = Number(process.env.VIGIA_BENCH_BRIDGE_ATTACHMENT_MIB ?? 512);
/** The baseline: the same case with a token attachment, so the difference is what the attachments cost. */
const BASELINE_MIB = 16;
const RUNS = Number(process.env.VIGIA_BENCH_BRIDGE_RUNS ?? 1);
const MODES = (process.env.VIGIA_BENCH_BRIDGE_MODES ?? 'web,electron-shaped').split(',') as Array<'web' | 'electron-shaped'>;
const PORT = Number(process.env.VIGIA_BENCH_BRIDGE_PORT ?? 4791);
const CHROMIUM = process.env.VIGIA_CHROMIUM ?? '/usr/bin/chromium';
const ATTACHMENT_FILE_MIB = 16;
const PEOPLE = 1000;
const MiB = 1024 * 1024;
const PASSPHRASE = 'una frase de paso larga para el banco';
const SLOW = { timeout: 600_000 };
const root = new URL('../../', import.meta.url).pathname;

/** The layout `bundle extract` writes: records/<table>.ndjson and attachments/<sha256>. */
function writeBundleFolder(dir: string, attachmentMiB: number): void {
  mkdirSync(join(dir, 'records'), { recursive: true });
  mkdirSync(join(dir, 'attachments'), { recursive: true });
  const snapshot = generateDemoCase({ size: PEOPLE, today: '2025-06-01', seed: 1 });
  const count = Math.max(1, Math.round(attachmentMiB / ATTACHMENT_FILE_MIB));
  for (let i = 0; i < count; i++) {
    const bytes = seededBytes(Math.round((attachmentMiB * MiB) / count / 4) * 4, i + 1);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(dir, 'attachments', sha256), bytes);
    snapshot.attachments.push(benchAttachment(snapshot, i, { size: bytes.length, sha256 }));
  }
  for (const table of CASE_TABLE_NAMES) {
    const rows = snapshot[table] as unknown[];
    if (rows.length > 0) writeFileSync(join(dir, 'records', `${table}.ndjson`), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  }
}

function cli(...args: string[]): string {
  const run = spawnSync(process.execPath, ['--import', './electron/crypto/register-node-aead.mjs', '--import', 'tsx', 'electron/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`cli ${args[0]} failed: ${run.stderr || run.stdout}`);
  return run.stdout;
}

function buildWeb(outDir: string): void {
  const run = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build failed: ${run.stderr}`);
}

async function serve(webDir: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--config', 'vite.config.ts', '--outDir', webDir, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error('vite preview did not start');
}

/** Chromium's processes under the browser: the browser itself and its renderers. */
function chromiumProcesses(browserPid: number): { browser: number; renderers: number[] } {
  const parentOf = new Map<number, number>();
  const commandOf = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      commandOf.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8'));
    } catch {
      // gone
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parentOf.get(pid); p !== undefined && p > 1; p = parentOf.get(p)) if (p === browserPid) return true;
    return false;
  };
  const renderers = [...commandOf].filter(([pid, cmd]) => cmd.includes('--type=renderer') && descends(pid)).map(([pid]) => pid);
  return { browser: browserPid, renderers };
}

function browserProcess(marker: string): number {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const args = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
      if (args.includes(marker) && !args.some((a) => a.startsWith('--type='))) return Number(name);
    } catch {
      // gone
    }
  }
  throw new Error('the browser process was not found');
}

function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not ours to reset; the peak then counts from the process start
  }
}

function peakMiB(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/**
 * The contract as Electron's preload answers it, built in the page over the picked File and a Blob
 * download: every read is a fresh copy (as IPC would give) and writes are appended to a Blob.
 */
function installElectronShapedBridge(): void {
  const picked = new Map<string, File>();
  const saves = new Map<string, { name: string; blob: Blob }>();
  let next = 0;
  const handle = () => (++next).toString(16).padStart(32, '0');
  const pick = (extensions: string[]) =>
    new Promise<File | undefined>((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = extensions.map((e) => `.${e}`).join(',');
      input.addEventListener('change', () => resolve(input.files?.[0]));
      input.addEventListener('cancel', () => resolve(undefined));
      input.click();
    });
  const download = (name: string, blob: Blob) => {
    const anchor = document.createElement('a');
    anchor.href = URL.createObjectURL(blob);
    anchor.download = name;
    anchor.click();
  };
  (window as unknown as Record<string, unknown>).vigia = {
    platform: 'electron',
    appInfo: async () => ({ version: 'bench', platform: 'electron', os: 'linux' }),
    onMenuCommand: () => () => undefined,
    async openFile({ extensions }: { extensions: string[] }) {
      const file = await pick(extensions);
      return file ? { ok: true, value: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } } : { ok: false, error: 'cancelled' };
    },
    async saveFile({ suggestedName, bytes }: { suggestedName: string; bytes: Uint8Array }) {
      download(suggestedName, new Blob([bytes.slice()]));
      return { ok: true, value: { name: suggestedName } };
    },
    async openLargeFile({ extensions }: { extensions: string[] }) {
      const file = await pick(extensions);
      if (!file) return { ok: false, error: 'cancelled' };
      const id = handle();
      picked.set(id, file);
      return { ok: true, value: { name: file.name, size: file.size, handle: id } };
    },
    async readFile({ handle: id, offset, length }: { handle: string; offset: number; length: number }) {
      const file = picked.get(id);
      return file ? { ok: true, value: new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()) } : { ok: false, error: 'invalid_argument' };
    },
    async closeFile({ handle: id }: { handle: string }) {
      picked.delete(id);
      return { ok: true, value: null };
    },
    async startLargeSave({ suggestedName }: { suggestedName: string }) {
      const id = handle();
      saves.set(id, { name: suggestedName, blob: new Blob([]) });
      return { ok: true, value: { handle: id, name: suggestedName } };
    },
    async writeLargeSave({ handle: id, bytes }: { handle: string; bytes: Uint8Array }) {
      const save = saves.get(id);
      if (!save) return { ok: false, error: 'invalid_argument' };
      save.blob = new Blob([save.blob, bytes.slice()]);
      return { ok: true, value: null };
    },
    async finishLargeSave({ handle: id, commit }: { handle: string; commit: boolean }) {
      const save = saves.get(id);
      if (!save) return { ok: false, error: 'invalid_argument' };
      saves.delete(id);
      if (commit) download(save.name, save.blob);
      return { ok: true, value: { name: save.name } };
    },
  };
}

interface PhaseFigure {
  seconds: number;
  rendererMiB: number;
  browserMiB: number;
}

async function measure(browserPid: number, work: () => Promise<void>): Promise<PhaseFigure> {
  const before = chromiumProcesses(browserPid);
  for (const pid of [before.browser, ...before.renderers]) resetPeak(pid);
  const start = performance.now();
  await work();
  const seconds = (performance.now() - start) / 1000;
  const after = chromiumProcesses(browserPid);
  return { seconds, rendererMiB: Math.max(...after.renderers.map(peakMiB)), browserMiB: peakMiB(after.browser) };
}

async function createIdentity(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sincronizar', exact: true }).click();
  const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });
  await sync.getByLabel('Su nombre, tal como lo verán sus colegas').fill('Banco');
  await sync.getByLabel('Frase de paso', { exact: true }).fill(PASSPHRASE);
  await sync.getByLabel('Repita la frase de paso').fill(PASSPHRASE);
  await sync.getByRole('button', { name: 'Crear mi identidad' }).click();
  await sync.getByRole('heading', { name: 'Mi tarjeta de contacto' }).waitFor(SLOW);
}

async function runMode(mode: 'web' | 'electron-shaped', bundle: string, out: string) {
  // A switch Chromium ignores, to find this run's browser process among others on the machine.
  const marker = `--vigia-bench=${process.pid}-${mode}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--disable-gpu', '--no-first-run', '--disable-background-networking', marker] });
  try {
    const pid = browserProcess(marker);
    const context = await browser.newContext({ acceptDownloads: true });
    if (mode === 'electron-shaped') await context.addInitScript(installElectronShapedBridge);
    const page = await context.newPage();
    await unlockWhenLocked(page);
    page.setDefaultTimeout(SLOW.timeout);
    await page.goto(`http://127.0.0.1:${PORT}/`);
    await createIdentity(page);
    const sync = page.getByRole('dialog', { name: 'Sincronizar con colegas' });

    const opened = await measure(pid, async () => {
      await sync.getByRole('tab', { name: 'Recibir un paquete' }).click();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), sync.getByRole('button', { name: 'Elegir un paquete…' }).click()]);
      await chooser.setFiles(bundle);
      await sync.getByLabel('Este paquete se cifró con una frase de paso. Escríbala:').fill(PASSPHRASE);
      await sync.getByRole('button', { name: 'Abrir el paquete' }).click();
      await sync.getByLabel(/^He comparado la huella con .* y coincide$/).waitFor(SLOW);
    });
    const applied = await measure(pid, async () => {
      await sync.getByLabel(/^He comparado la huella con .* y coincide$/).check();
      await sync.getByRole('button', { name: /^Confiar en .* y continuar$/ }).click();
      await sync.getByTestId('bundle-preview').waitFor(SLOW);
      await sync.getByRole('button', { name: 'Importar', exact: true }).click();
      await sync.getByRole('button', { name: 'Abrir el caso' }).waitFor(SLOW);
    });
    await sync.getByRole('button', { name: 'Abrir el caso' }).click();
    await page.getByRole('button', { name: 'Sincronizar', exact: true }).click();

    const exported = await measure(pid, async () => {
      await sync.getByRole('tab', { name: 'Enviar el caso' }).click();
      await sync.getByLabel('Una frase de paso (compártala por otro medio)').check();
      await sync.getByLabel('Frase de paso', { exact: true }).fill(PASSPHRASE);
      const [download] = await Promise.all([page.waitForEvent('download', SLOW), sync.getByRole('button', { name: 'Crear el paquete' }).click()]);
      await download.saveAs(out);
      await sync.getByText(/^Paquete .+\.vigia creado para/).waitFor(SLOW);
    });
    return { opened, applied, exported };
  } finally {
    await browser.close();
  }
}

/** The exported file must be a whole, valid bundle with every attachment. */
async function checkExport(path: string): Promise<number> {
  const opened = await openBundle(await bundleFileAt(path), { key: { passphrase: PASSPHRASE }, trustedSigningKeys: [], allowUntrustedSigner: true, stage: tempFileStage, sha256: nodeSha256 });
  if (!opened.ok) throw new Error(`the exported bundle does not open: ${JSON.stringify(opened.error)}`);
  const count = opened.value.attachments.size;
  await opened.value.plaintext.discard();
  return count;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const medianFigure = (figures: PhaseFigure[]): PhaseFigure => ({
  seconds: median(figures.map((f) => f.seconds)),
  rendererMiB: median(figures.map((f) => f.rendererMiB)),
  browserMiB: median(figures.map((f) => f.browserMiB)),
});
const fmt = (figure: PhaseFigure, baseline: PhaseFigure) =>
  `${figure.seconds.toFixed(1).padStart(6)} s   page+workers ${figure.rendererMiB.toFixed(0).padStart(5)} MiB (baseline ${baseline.rendererMiB.toFixed(0).padStart(4)}, ${signed(figure.rendererMiB - baseline.rendererMiB)})   browser ${figure.browserMiB.toFixed(0).padStart(5)} MiB`;
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(0)}`;

/** A bundle of the case with `mib` of attachments, sealed by the CLI; the attachment files are deleted once it is made. */
function makeBundle(name: string, mib: number, key: string, passphraseFile: string): string {
  const folder = join(dir, `${name}-folder`);
  writeBundleFolder(folder, mib);
  const bundle = join(dir, `${name}.vigia`);
  cli('bundle', 'create', '--input', folder, '--passphrase-file', passphraseFile, '--sign', key, '--out', bundle);
  rmSync(folder, { recursive: true });
  return bundle;
}

type Phases = Awaited<ReturnType<typeof runMode>>;
const PHASES = [
  ['opened', 'open (decrypt, verify, stage)'],
  ['applied', 'trust, preview, apply'],
  ['exported', 'export (encrypt, save)'],
] as const;

const dir = mkdtempSync(join(tmpdir(), 'vigia-bridge-bench-'));
let server: ChildProcess | undefined;
try {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  const key = join(dir, 'bench.key');
  cli('keygen', '--out', key);
  const passphraseFile = join(dir, 'passphrase');
  writeFileSync(passphraseFile, `${PASSPHRASE}\n`);
  const bundles = { baseline: makeBundle('baseline', BASELINE_MIB, key, passphraseFile), large: makeBundle('large', ATTACHMENT_MIB, key, passphraseFile) };
  const webDir = process.env.VIGIA_BENCH_WEB_DIR ?? join(dir, 'web');
  if (!process.env.VIGIA_BENCH_WEB_DIR) buildWeb(webDir);
  server = await serve(webDir);

  console.log(
    `bridge: ${PEOPLE}-person demo case + ${ATTACHMENT_MIB} MiB of attachments (${(statSync(bundles.large).size / MiB).toFixed(0)} MiB bundle), ` +
      `baseline the same case + ${BASELINE_MIB} MiB, medians of ${RUNS} run${RUNS > 1 ? 's' : ''}; app from ${webDir}`,
  );
  for (const mode of MODES) {
    const figures: Record<'baseline' | 'large', Phases[]> = { baseline: [], large: [] };
    let attachments = 0;
    let exportedMiB = 0;
    for (let run = 0; run < RUNS; run++) {
      for (const size of ['baseline', 'large'] as const) {
        const out = join(dir, `exported-${mode}-${size}.vigia`);
        figures[size].push(await runMode(mode, bundles[size], out));
        if (size === 'large') {
          attachments = await checkExport(out);
          exportedMiB = statSync(out).size / MiB;
        }
        rmSync(out, { force: true });
      }
    }
    console.log(`\n${mode} bridge`);
    for (const [phase, label] of PHASES) {
      const large = medianFigure(figures.large.map((f) => f[phase]));
      const baseline = medianFigure(figures.baseline.map((f) => f[phase]));
      console.log(`  ${label.padEnd(30)} ${fmt(large, baseline)}`);
    }
    console.log(`  the exported bundle: ${exportedMiB.toFixed(0)} MiB, ${attachments} attachments, opens and verifies`);
  }
  console.log('\npeaks are VmHWM, reset before each phase; page+workers = the renderer process (the difference to the baseline is what the attachments cost), browser = where Blob data and IndexedDB live');
} finally {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
}
