import { describe, expect, it } from 'vitest';
import { MAX_BRIDGE_FILE_BYTES, type MenuLanguage } from '../../../shared/ipc/contract';
import { createInvokeHandlers, type InvokeHandlerDeps } from './handlers';
import { createLargeFiles } from './large-files';
import { dispatch, registerIpcHandlers, type IpcHandlers, type IpcRegistry } from './dispatch';
import { createKeychainHandlers } from '../keys/keychain';
import { sealedHandlers } from './sealed-handlers';

function fakeDeps(overrides: Partial<InvokeHandlerDeps> = {}) {
  const written = new Map<string, Uint8Array>();
  const languages: MenuLanguage[] = [];
  const deps: InvokeHandlerDeps = {
    appVersion: '0.1.0',
    os: 'linux',
    chooseSavePath: async (name) => `/home/analyst/Documents/${name}`,
    chooseOpenPath: async () => '/home/analyst/Documents/caso.vigia',
    writeFile: async (file, bytes) => {
      written.set(file, bytes);
    },
    fileSize: async () => 3,
    readFile: async () => new Uint8Array([7, 8, 9]),
    setMenuLanguage: (language) => languages.push(language),
    printReport: async () => new TextEncoder().encode('%PDF-1.7 report'),
    largeFiles: createLargeFiles({
      chooseOpenPath: async () => undefined,
      chooseSavePath: async () => undefined,
      openForReading: async () => Promise.reject(new Error('not in these tests')),
      createExclusive: async () => Promise.reject(new Error('not in these tests')),
      rename: async () => undefined,
      remove: async () => undefined,
      newHandle: () => '0'.repeat(32),
    }),
    ...overrides,
  };
  return { deps, written, languages };
}

const fromApp = { senderFrame: { url: 'app://vigia/index.html' } };
const fromElsewhere = { senderFrame: { url: 'https://example.org/' } };

describe('invoke handlers', () => {
  it('prints the case report in the hidden window and saves the PDF where the user chose; nothing on cancel', async () => {
    const printed: string[] = [];
    const { deps, written } = fakeDeps({ printReport: async (hash) => (printed.push(hash), new TextEncoder().encode('%PDF-1.7 report')) });
    const request = { hash: '#report?case=case%3Ademo-270&sections=summary%2Cpeople&token=a1b2c3d4e5', suggestedName: 'informe.pdf' };
    expect(await dispatch(createInvokeHandlers(deps), 'report:print', fromApp, [request])).toEqual({ ok: true, value: { name: 'informe.pdf' } });
    expect(printed).toEqual([request.hash]);
    expect(new TextDecoder().decode(written.get('/home/analyst/Documents/informe.pdf'))).toBe('%PDF-1.7 report');

    const cancelled = fakeDeps({ chooseSavePath: async () => undefined, printReport: async () => Promise.reject(new Error('must not print')) });
    expect(await dispatch(createInvokeHandlers(cancelled.deps), 'report:print', fromApp, [request])).toEqual({ ok: false, error: 'cancelled' });
    const failing = fakeDeps({ printReport: async () => Promise.reject(new Error('report_not_ready')) });
    expect(await dispatch(createInvokeHandlers(failing.deps), 'report:print', fromApp, [request])).toEqual({ ok: false, error: 'io_error' });
  });

  it('prints only the report page of the app: any other address is refused before anything runs', async () => {
    const { deps } = fakeDeps({ printReport: async () => Promise.reject(new Error('must not print')) });
    for (const hash of ['https://example.org/', '#report?x=<script>', '#other', 'javascript:alert(1)', '#report?a=b#c']) {
      const result = await dispatch(createInvokeHandlers(deps), 'report:print', fromApp, [{ hash, suggestedName: 'informe.pdf' }]);
      expect(result, hash).toMatchObject({ ok: false });
      expect((result as { error: string }).error, hash).not.toBe('io_error');
    }
  });

  it('tells the renderer the version and platform', async () => {
    const { deps } = fakeDeps();
    expect(await dispatch(createInvokeHandlers(deps), 'app:info', fromApp, [])).toEqual({
      ok: true,
      value: { version: '0.1.0', platform: 'electron', os: 'linux' },
    });
  });

  it('saves the bytes where the user chose and answers with the file name only', async () => {
    const { deps, written } = fakeDeps();
    const bytes = new Uint8Array([1, 2, 3]);
    const result = await dispatch(createInvokeHandlers(deps), 'file:save', fromApp, [{ suggestedName: 'caso.vigia', bytes }]);
    expect(result).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect(written.get('/home/analyst/Documents/caso.vigia')).toEqual(bytes);
  });

  it('reports a cancelled dialog and a failed write as values', async () => {
    const cancelled = fakeDeps({ chooseSavePath: async () => undefined });
    const request = [{ suggestedName: 'caso.vigia', bytes: new Uint8Array([1]) }];
    expect(await dispatch(createInvokeHandlers(cancelled.deps), 'file:save', fromApp, request)).toEqual({
      ok: false,
      error: 'cancelled',
    });
    const failing = fakeDeps({
      writeFile: async () => {
        throw new Error('EACCES: permission denied');
      },
    });
    expect(await dispatch(createInvokeHandlers(failing.deps), 'file:save', fromApp, request)).toEqual({
      ok: false,
      error: 'io_error',
    });
  });

  it('opens the chosen file', async () => {
    const { deps } = fakeDeps();
    expect(await dispatch(createInvokeHandlers(deps), 'file:open', fromApp, [{ extensions: ['vigia'] }])).toEqual({
      ok: true,
      value: { name: 'caso.vigia', bytes: new Uint8Array([7, 8, 9]) },
    });
  });

  it('refuses to read a file over the bridge limit', async () => {
    let reads = 0;
    const { deps } = fakeDeps({
      fileSize: async () => MAX_BRIDGE_FILE_BYTES + 1,
      readFile: async () => {
        reads += 1;
        return new Uint8Array();
      },
    });
    expect(await dispatch(createInvokeHandlers(deps), 'file:open', fromApp, [{ extensions: [] }])).toEqual({
      ok: false,
      error: 'file_too_large',
    });
    expect(reads).toBe(0);
  });

  it('switches the menu language', async () => {
    const { deps, languages } = fakeDeps();
    expect(await dispatch(createInvokeHandlers(deps), 'app:set-menu-language', fromApp, ['en'])).toEqual({
      ok: true,
      value: null,
    });
    expect(languages).toEqual(['en']);
  });

  it('refuses a foreign sender before touching dialogs or files', async () => {
    let dialogs = 0;
    const { deps, written } = fakeDeps({
      chooseSavePath: async () => {
        dialogs += 1;
        return '/tmp/x';
      },
    });
    const request = [{ suggestedName: 'caso.vigia', bytes: new Uint8Array([1]) }];
    expect(await dispatch(createInvokeHandlers(deps), 'file:save', fromElsewhere, request)).toEqual({
      ok: false,
      error: 'forbidden_sender',
    });
    expect(await dispatch(createInvokeHandlers(deps), 'app:info', { senderFrame: null }, [])).toEqual({
      ok: false,
      error: 'forbidden_sender',
    });
    expect(dialogs).toBe(0);
    expect(written.size).toBe(0);
  });

  it('refuses a bad argument before opening a dialog', async () => {
    let dialogs = 0;
    const { deps } = fakeDeps({
      chooseSavePath: async () => {
        dialogs += 1;
        return '/tmp/x';
      },
    });
    const result = await dispatch(createInvokeHandlers(deps), 'file:save', fromApp, [
      { suggestedName: '../../.ssh/authorized_keys', bytes: new Uint8Array([1]) },
    ]);
    expect(result).toEqual({ ok: false, error: 'invalid_argument' });
    expect(dialogs).toBe(0);
  });
});

describe('registerIpcHandlers: the one dispatcher', () => {
  it('registers exactly the contract channels, every area, each guarded', async () => {
    const registered = new Map<string, (event: typeof fromApp | typeof fromElsewhere, ...args: unknown[]) => Promise<unknown>>();
    const registry: IpcRegistry = { handle: (channel, listener) => void registered.set(channel, listener) };
    const unused = async () => ({ ok: false, error: 'cancelled' }) as const;
    const contract = {
      ...createInvokeHandlers(fakeDeps().deps),
      ...createKeychainHandlers({ safeStorage: { isEncryptionAvailable: () => false, encryptString: () => new Uint8Array(), decryptString: () => '' }, platform: 'linux' }),
      ...sealedHandlers({ startSave: unused, unseal: unused }),
    } satisfies IpcHandlers;
    registerIpcHandlers(registry, contract);
    expect([...registered.keys()].sort()).toEqual([
      'app:info',
      'app:set-menu-language',
      'file:close',
      'file:open',
      'file:open-large',
      'file:read',
      'file:save',
      'file:save-large-finish',
      'file:save-large-start',
      'file:save-large-write',
      'file:save-sealed-start',
      'file:unseal',
      'keys:seal',
      'keys:unseal',
      'report:print',
    ]);
    for (const listener of registered.values()) {
      expect(await listener(fromElsewhere)).toEqual({ ok: false, error: 'forbidden_sender' });
    }
  });
});
