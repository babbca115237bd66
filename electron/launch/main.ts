import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import nodePath from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadFailureReason, findElectronRuntime } from './electron-runtime';
import { isBuildStale } from './freshness';
import { type DownloadOutcome, startVigia } from './launch-plan';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const inProject = (...parts: string[]) => nodePath.join(projectRoot, ...parts);
const DOWNLOAD_TIMEOUT_MS = 45_000;

function electronPackageDir(): string | undefined {
  try {
    return nodePath.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** Lets the electron package fetch its binary, in a child process with a time limit. */
function downloadRuntime(): Promise<DownloadOutcome> {
  const packageDir = electronPackageDir();
  if (packageDir === undefined) return Promise.resolve({ ok: false, reason: 'the electron package is not installed' });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nodePath.join(packageDir, 'install.js')], {
      cwd: projectRoot,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: DOWNLOAD_TIMEOUT_MS,
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    child.on('error', (error) => resolve({ ok: false, reason: downloadFailureReason(error.message, false, DOWNLOAD_TIMEOUT_MS) }));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve({ ok: true });
      else resolve({ ok: false, reason: downloadFailureReason(stderr, signal === 'SIGTERM', DOWNLOAD_TIMEOUT_MS) });
    });
  });
}

function runElectron(executable: string): Promise<number> {
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  const args = [projectRoot];
  // Chromium refuses to start as root with its OS sandbox on (CI machines, containers).
  if (process.platform === 'linux' && process.getuid?.() === 0) {
    console.log('Running as root: starting Electron with --no-sandbox (OS sandbox off).');
    args.unshift('--no-sandbox');
  }
  return new Promise((resolve) => {
    const child = spawn(executable, args, { cwd: projectRoot, stdio: 'inherit', env });
    child.on('error', () => resolve(1));
    child.on('exit', (code) => resolve(code ?? 0));
  });
}

const sharedSources = [inProject('shared'), inProject('renderer'), inProject('package.json')];

const outcome = await startVigia({
  args: process.argv.slice(2),
  env: process.env,
  log: (line) => console.log(line),
  findRuntime: () =>
    findElectronRuntime({
      env: process.env,
      platform: process.platform,
      electronPackageDir: electronPackageDir(),
      exists: existsSync,
      readText: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
    }),
  downloadRuntime,
  electronBuildIsStale: () =>
    isBuildStale(
      [inProject('out/main/index.js'), inProject('out/preload/index.cjs'), inProject('out/renderer/index.html')],
      [...sharedSources, inProject('electron/main'), inProject('electron/preload'), inProject('electron.vite.config.ts')],
    ),
  buildElectron: async () => {
    // Loaded by name: electron-vite's type declarations need skipLibCheck (they import @swc/core).
    const electronVite = 'electron-vite';
    const { build } = (await import(electronVite)) as {
      build(config: { configFile: string; logLevel: 'error' }): Promise<void>;
    };
    await build({ configFile: inProject('electron.vite.config.ts'), logLevel: 'error' });
  },
  runElectron,
  webBuildIsStale: () => isBuildStale([inProject('dist/web/index.html')], [...sharedSources, inProject('vite.config.ts')]),
  buildWeb: async () => {
    const { build } = await import('vite');
    await build({ configFile: inProject('vite.config.ts'), logLevel: 'error' });
  },
  isPortFree: (port) =>
    new Promise((resolve) => {
      // Listening is the only sure test: another program may hold the port on any address.
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
    }),
  serveWeb: async (port) => {
    const { preview } = await import('vite');
    // Loopback only: the workstation's data must not be reachable from the network.
    await preview({
      configFile: inProject('vite.config.ts'),
      logLevel: 'error',
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    return `http://127.0.0.1:${port}/`;
  },
});

if (outcome.mode === 'refused') {
  console.error(outcome.message);
  process.exitCode = 1;
} else if (outcome.mode === 'electron') {
  process.exitCode = outcome.exitCode;
}
