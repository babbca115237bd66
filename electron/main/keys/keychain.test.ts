import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../app-origin';
import { createKeychainHandlers, type SafeStorageLike } from './keychain';
import { dispatch, type Caller } from '../ipc/dispatch';

/** A stand-in for safeStorage: reversible, and visibly not the plain text. */
function fakeSafeStorage(backend: string | undefined, available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    ...(backend === undefined ? {} : { getSelectedStorageBackend: () => backend }),
    encryptString: (text) => new TextEncoder().encode([...text].reverse().join('')),
    decryptString: (bytes) => [...new TextDecoder().decode(bytes)].reverse().join(''),
  };
}

const app = { senderFrame: { url: `${APP_ORIGIN}/index.html` } };
const caller: Caller = { owner: 1, tell: () => undefined };

describe('the OS keychain for the analyst secret', () => {
  it('seals and unseals with a real backend (gnome-libsecret on Linux, or any on Windows and macOS)', async () => {
    for (const [platform, backend] of [['linux', 'gnome_libsecret'], ['win32', undefined], ['darwin', undefined]] as const) {
      const keys = createKeychainHandlers({ safeStorage: fakeSafeStorage(backend), platform });
      const sealed = await keys['keys:seal']('AGE-SECRET-KEY-1XYZ', caller);
      if (!sealed.ok || !('sealed' in sealed.value)) throw new Error(JSON.stringify(sealed));
      expect(new TextDecoder().decode(sealed.value.sealed)).not.toContain('AGE-SECRET-KEY');
      const backendName = backend ? `${platform}:${backend}` : platform;
      expect(sealed.value.backend).toBe(backendName);
      expect(await keys['keys:unseal'](sealed.value.sealed, caller)).toEqual({ ok: true, value: { secret: 'AGE-SECRET-KEY-1XYZ', backend: backendName } });
    }
  });

  it("refuses Linux's basic_text backend and an unavailable keychain, saying which", async () => {
    const basic = createKeychainHandlers({ safeStorage: fakeSafeStorage('basic_text'), platform: 'linux' });
    expect(await basic['keys:seal']('secret', caller)).toEqual({ ok: true, value: { refused: 'basic_text' } });
    expect(await basic['keys:unseal'](new Uint8Array([1]), caller)).toEqual({ ok: true, value: { refused: 'basic_text' } });
    const none = createKeychainHandlers({ safeStorage: fakeSafeStorage(undefined, false), platform: 'win32' });
    expect(await none['keys:seal']('secret', caller)).toEqual({ ok: true, value: { refused: 'unavailable' } });
  });

  it('answers only the app page, with one argument of the right shape, and reports a damaged secret as a value', async () => {
    const keys = createKeychainHandlers({ safeStorage: { ...fakeSafeStorage(undefined), decryptString: () => { throw new Error('bad'); } }, platform: 'darwin' });
    expect(await dispatch(keys, 'keys:seal', { senderFrame: { url: 'https://example.org/' } }, ['s'])).toEqual({ ok: false, error: 'forbidden_sender' });
    expect(await dispatch(keys, 'keys:seal', app, [42])).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await dispatch(keys, 'keys:seal', app, ['a', 'b'])).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await dispatch(keys, 'keys:unseal', app, [new Uint8Array([1, 2])])).toEqual({ ok: false, error: 'io_error' });
  });
});
