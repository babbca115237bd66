import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();

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
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the preview server did not answer at ${url}`);
}

/**
 * The browser-mode app as the benches measure it: built into a temporary folder (`vite build`) and
 * served by `vite preview` with the app's CSP on 127.0.0.1:`port`. `stop` ends the server and
 * deletes the build.
 */
export async function serveBuiltApp(port: number): Promise<{ base: string; stop(): void }> {
  const outDir = mkdtempSync(join(tmpdir(), 'vigia-bench-web-'));
  const vite = 'node_modules/vite/bin/vite.js';
  await run(process.execPath, [vite, 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error']);
  const server = spawn(process.execPath, [vite, 'preview', '--config', 'vite.config.ts', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/`;
  const stop = () => {
    server.kill();
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    await waitForServer(base);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
