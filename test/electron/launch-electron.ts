import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';
import { findElectronRuntime } from '../../electron/launch/electron-runtime';
import { isBuildStale } from '../../electron/launch/freshness';

export const NOT_RUN_LINE = 'Electron e2e: not run (no Electron runtime; set ELECTRON_OVERRIDE_DIST_PATH)';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const inProject = (...parts: string[]) => path.join(projectRoot, ...parts);

/** The runtime ELECTRON_OVERRIDE_DIST_PATH points at, or undefined (then the suite is not run). */
export function electronExecutable(): string | undefined {
  if (!process.env['ELECTRON_OVERRIDE_DIST_PATH']) return undefined;
  const require = createRequire(import.meta.url);
  const runtime = findElectronRuntime({
    env: process.env,
    platform: process.platform,
    electronPackageDir: path.dirname(require.resolve('electron/package.json')),
    exists: existsSync,
    readText: (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined),
  });
  if (!runtime.found) throw new Error(`ELECTRON_OVERRIDE_DIST_PATH is set but unusable: ${runtime.reason}`);
  return runtime.executable;
}

/** Builds out/ with electron-vite when it is missing or older than the sources. */
export function ensureElectronBuild(): void {
  const stale = isBuildStale(
    [inProject('out/main/index.js'), inProject('out/main/bundle-crypto.js'), inProject('out/preload/index.cjs'), inProject('out/renderer/index.html')],
    ['shared', 'renderer', 'electron/main', 'electron/preload', 'electron/utility', 'electron/node', 'electron/crypto', 'electron.vite.config.ts', 'package.json'].map((p) => inProject(p)),
  );
  if (!stale) return;
  const cli = inProject('node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  execFileSync(process.execPath, [cli, 'build'], { cwd: projectRoot, stdio: 'inherit' });
}

export async function launchWorkstation(executablePath: string): Promise<ElectronApplication> {
  // Chromium refuses to run as root with its OS sandbox (CI containers); the renderer sandbox stays on.
  const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const env = { ...process.env, VIGIA_DEVTOOLS: '' } as Record<string, string>;
  delete env['ELECTRON_RUN_AS_NODE'];
  return _electron.launch({ executablePath, args: [...rootArgs, projectRoot], cwd: projectRoot, env });
}
