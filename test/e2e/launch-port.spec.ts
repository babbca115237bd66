import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { expect, test } from './fixtures';

// Issue 12: `npm run web` (and `npm start` where it falls back to browser mode) opens even when
// 5174, its usual port, is taken by something else: it takes the next free one and prints it.

/** Holds 127.0.0.1:port for the test; resolves undefined if something else holds it already (busy either way). */
function hold(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

test('npm run web takes the next free port when 5174 is busy and prints the address', async ({ page }) => {
  test.setTimeout(120_000);
  const held = await hold(5174);
  const launcher = spawn(process.execPath, ['electron/launch/start.mjs', '--web'], {
    cwd: process.cwd(),
    env: { ...process.env, VIGIA_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const address = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed; output so far:\n${output}`)), 90_000);
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const found = /Vigía \(browser mode\): (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(output);
        if (found) {
          clearTimeout(timer);
          resolve(found[1]!);
        }
      };
      launcher.stdout.on('data', read);
      launcher.stderr.on('data', read);
      launcher.once('exit', (code) => reject(new Error(`the launcher exited (${code}) before serving:\n${output}`)));
    });
    const port = Number(new URL(address).port);
    expect(port).toBeGreaterThan(5174);
    expect(output).toContain(`Port 5174 is in use; using ${port}.`);
    await page.goto(address);
    await expect(page.getByRole('button', { name: 'Abrir caso de demostración' })).toBeVisible();
  } finally {
    launcher.kill('SIGTERM');
    held?.close();
  }
});
