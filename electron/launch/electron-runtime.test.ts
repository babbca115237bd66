import { describe, expect, it } from 'vitest';
import { downloadFailureReason, findElectronRuntime, type RuntimeLookupDeps } from './electron-runtime';

function lookup(files: Record<string, string>, overrides: Partial<RuntimeLookupDeps> = {}) {
  return findElectronRuntime({
    env: {},
    platform: 'linux',
    electronPackageDir: '/p/node_modules/electron',
    exists: (file) => file in files,
    readText: (file) => files[file],
    ...overrides,
  });
}

describe('findElectronRuntime', () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH first', () => {
    expect(lookup({ '/opt/electron/electron': '' }, { env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' } })).toEqual({
      found: true,
      executable: '/opt/electron/electron',
    });
  });

  it('reports a wrong override without offering a download', () => {
    expect(lookup({}, { env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/none' } })).toEqual({
      found: false,
      reason: 'no Electron at ELECTRON_OVERRIDE_DIST_PATH (/opt/none/electron)',
      canDownload: false,
    });
  });

  it('finds the binary the electron package downloaded', () => {
    const files = {
      '/p/node_modules/electron/path.txt': 'electron',
      '/p/node_modules/electron/dist/electron': '',
    };
    expect(lookup(files)).toEqual({ found: true, executable: '/p/node_modules/electron/dist/electron' });
  });

  it('offers a download when the package has no binary yet', () => {
    expect(lookup({})).toEqual({ found: false, reason: 'Electron binary not downloaded', canDownload: true });
    expect(lookup({ '/p/node_modules/electron/path.txt': 'electron' })).toEqual({
      found: false,
      reason: 'Electron binary not downloaded',
      canDownload: true,
    });
  });

  it('names the macOS and Windows executables', () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: '/d' };
    expect(lookup({ '/d/Electron.app/Contents/MacOS/Electron': '' }, { env, platform: 'darwin', electronPackageDir: undefined }))
      .toEqual({ found: true, executable: '/d/Electron.app/Contents/MacOS/Electron' });
    expect(lookup({ '/d/electron.exe': '' }, { env, platform: 'win32', electronPackageDir: undefined })).toEqual({
      found: true,
      executable: '/d/electron.exe',
    });
  });

  it('says when the electron package is missing', () => {
    expect(lookup({}, { electronPackageDir: undefined })).toEqual({
      found: false,
      reason: 'the electron package is not installed',
      canDownload: false,
    });
  });
});

describe('downloadFailureReason', () => {
  it('keeps the first line of the error, shortened', () => {
    expect(downloadFailureReason('\nTypeError: fetch failed\n    at node:internal/deps/undici\n', false, 45_000)).toBe(
      'download failed: TypeError: fetch failed',
    );
    expect(downloadFailureReason(`Error: ${'x'.repeat(200)}`, false, 45_000)).toHaveLength('download failed: '.length + 80);
    expect(downloadFailureReason('', false, 45_000)).toBe('download failed');
  });

  it('says when the download ran out of time', () => {
    expect(downloadFailureReason('partial', true, 45_000)).toBe('download timed out after 45 s');
  });
});
