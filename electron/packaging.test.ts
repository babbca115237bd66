import { existsSync, readFileSync } from 'node:fs';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  files?: string[];
  asar?: boolean;
  electronFuses?: Record<string, boolean>;
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string[]; icon?: string };
  mac?: { target?: string[]; icon?: string };
  directories?: { buildResources?: string };
}

const projectFile = (name: string) => new URL(`../${name}`, import.meta.url);
const config = load(readFileSync(projectFile('electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Vigía');
  });

  it('packages for Linux, Windows and macOS', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('sets every Electron fuse the security posture asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });

  it('ships the electron-vite output in an asar, and no sources', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('package.json');
    expect(config.files?.some((pattern) => /^(electron|renderer|shared|test)\//.test(pattern))).toBe(false);
  });

  it('points at icons that exist in build/', () => {
    expect(config.directories?.buildResources).toBe('build');
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon]) {
      expect(icon).toMatch(/^build\//);
      expect(existsSync(projectFile(icon ?? 'missing'))).toBe(true);
    }
  });

  it('matches the entry point package.json gives Electron', () => {
    const pkg = JSON.parse(readFileSync(projectFile('package.json'), 'utf8')) as { main?: string };
    expect(pkg.main).toBe('out/main/index.js');
  });
});
