import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

describe('mainWindowOptions', () => {
  it('states the hardened web preferences explicitly', () => {
    const preferences = mainWindowOptions('/app/out/preload/index.cjs', false).webPreferences;
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('opens DevTools only when the developer asked for them', () => {
    expect(mainWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(true);
  });
});
