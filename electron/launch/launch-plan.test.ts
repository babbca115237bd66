import { describe, expect, it } from 'vitest';
import type { RuntimeLookup } from './electron-runtime';
import { type DownloadOutcome, type LaunchDeps, startVigia } from './launch-plan';

function fakeLaunch(overrides: Partial<LaunchDeps> & { runtimes?: RuntimeLookup[] } = {}) {
  const steps: string[] = [];
  const lines: string[] = [];
  const runtimes = overrides.runtimes ?? [{ found: false, reason: 'Electron binary not downloaded', canDownload: true }];
  let lookups = 0;
  const deps: LaunchDeps = {
    args: [],
    env: {},
    log: (line) => lines.push(line),
    findRuntime: () => {
      const runtime = runtimes[Math.min(lookups, runtimes.length - 1)];
      lookups += 1;
      if (!runtime) throw new Error('no runtime scripted');
      return runtime;
    },
    downloadRuntime: async (): Promise<DownloadOutcome> => {
      steps.push('download');
      return { ok: false, reason: 'download failed: TypeError: fetch failed' };
    },
    electronBuildIsStale: () => true,
    buildElectron: async () => void steps.push('build-electron'),
    runElectron: async (executable) => {
      steps.push(`run ${executable}`);
      return 0;
    },
    webBuildIsStale: () => true,
    isPortFree: async () => true,
    buildWeb: async () => void steps.push('build-web'),
    serveWeb: async (port) => {
      steps.push(`serve ${port}`);
      return `http://127.0.0.1:${port}/`;
    },
    ...overrides,
  };
  return { deps, steps, lines };
}

describe('startVigia', () => {
  it('falls back to browser mode with one line when Electron cannot be had', async () => {
    const { deps, steps, lines } = fakeLaunch();
    expect(await startVigia(deps)).toEqual({ mode: 'browser', url: 'http://127.0.0.1:5174/' });
    expect(steps).toEqual(['download', 'build-web', 'serve 5174']);
    expect(lines).toEqual([
      'Electron runtime not available (download failed: TypeError: fetch failed); starting browser mode.',
      'Vigía (browser mode): http://127.0.0.1:5174/',
    ]);
  });

  it('launches Electron from ELECTRON_OVERRIDE_DIST_PATH after building', async () => {
    const { deps, steps, lines } = fakeLaunch({ runtimes: [{ found: true, executable: '/opt/electron/electron' }] });
    expect(await startVigia(deps)).toEqual({ mode: 'electron', exitCode: 0 });
    expect(steps).toEqual(['build-electron', 'run /opt/electron/electron']);
    expect(lines).toEqual([]);
  });

  it('skips the build when the Electron output is current', async () => {
    const { deps, steps } = fakeLaunch({
      runtimes: [{ found: true, executable: '/e' }],
      electronBuildIsStale: () => false,
    });
    await startVigia(deps);
    expect(steps).toEqual(['run /e']);
  });

  it('uses a runtime the electron package downloads now', async () => {
    const { deps, steps } = fakeLaunch({
      runtimes: [
        { found: false, reason: 'Electron binary not downloaded', canDownload: true },
        { found: true, executable: '/node_modules/electron/dist/electron' },
      ],
      downloadRuntime: async () => {
        steps.push('download');
        return { ok: true };
      },
    });
    expect(await startVigia(deps)).toEqual({ mode: 'electron', exitCode: 0 });
    expect(steps).toEqual(['download', 'build-electron', 'run /node_modules/electron/dist/electron']);
  });

  it('does not try to download when the override path is wrong', async () => {
    const { deps, steps, lines } = fakeLaunch({
      runtimes: [{ found: false, reason: 'no Electron at ELECTRON_OVERRIDE_DIST_PATH (/x/electron)', canDownload: false }],
    });
    await startVigia(deps);
    expect(steps).not.toContain('download');
    expect(lines[0]).toBe(
      'Electron runtime not available (no Electron at ELECTRON_OVERRIDE_DIST_PATH (/x/electron)); starting browser mode.',
    );
  });

  it('--web goes straight to browser mode, silently, on VIGIA_PORT', async () => {
    const { deps, steps, lines } = fakeLaunch({ args: ['--web'], env: { VIGIA_PORT: '6001' }, webBuildIsStale: () => false });
    expect(await startVigia(deps)).toEqual({ mode: 'browser', url: 'http://127.0.0.1:6001/' });
    expect(steps).toEqual(['serve 6001']);
    expect(lines).toEqual(['Vigía (browser mode): http://127.0.0.1:6001/']);
  });

  it('refuses a bad VIGIA_PORT before building anything', async () => {
    const { deps, steps } = fakeLaunch({ args: ['--web'], env: { VIGIA_PORT: '80000' } });
    expect(await startVigia(deps)).toEqual({
      mode: 'refused',
      message: 'VIGIA_PORT must be a port number from 1 to 65535 (got "80000").',
    });
    expect(steps).toEqual([]);
  });

  it('takes the next free port when 5174 is busy and prints the address it serves on', async () => {
    const { deps, steps, lines } = fakeLaunch({ args: ['--web'], webBuildIsStale: () => false, isPortFree: async (port) => port !== 5174 });
    expect(await startVigia(deps)).toEqual({ mode: 'browser', url: 'http://127.0.0.1:5175/' });
    expect(steps).toEqual(['serve 5175']);
    expect(lines).toEqual(['Port 5174 is in use; using 5175.', 'Vigía (browser mode): http://127.0.0.1:5175/']);
  });
});
