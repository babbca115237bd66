import { describe, expect, it } from 'vitest';
import { MAX_LARGE_FILE_BYTES } from '../../../shared/ipc/contract';
import { createInvokeHandlers } from './handlers';
import { createLargeFiles, FILE_HANDLE_PATTERN, MAX_HANDLES_PER_WINDOW, type LargeFileDeps } from './large-files';
import { dispatch } from './dispatch';

/** A folder in memory: files by path, which of them are open, and what the dialogs answer. */
function fakeDisk(overrides: Partial<LargeFileDeps> = {}) {
  const files = new Map<string, Uint8Array>([['/home/analyst/caso.vigia', Uint8Array.from({ length: 20 }, (_, i) => i)]]);
  const open = new Set<string>();
  const synced: string[] = [];
  let handles = 0;
  const deps: LargeFileDeps = {
    chooseOpenPath: async () => '/home/analyst/caso.vigia',
    chooseSavePath: async (name) => `/home/analyst/Documentos/${name}`,
    openForReading: async (path) => {
      const bytes = files.get(path);
      if (!bytes) throw new Error('ENOENT');
      open.add(path);
      return { size: bytes.length, read: async (offset, length) => bytes.slice(offset, offset + length), close: async () => void open.delete(path) };
    },
    createExclusive: async (path) => {
      if (files.has(path)) throw new Error('EEXIST');
      files.set(path, new Uint8Array());
      open.add(path);
      return {
        write: async (bytes) => {
          const before = files.get(path)!;
          const after = new Uint8Array(before.length + bytes.length);
          after.set(before);
          after.set(bytes, before.length);
          files.set(path, after);
        },
        sync: async () => void synced.push(path),
        close: async () => void open.delete(path),
      };
    },
    rename: async (from, to) => {
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    remove: async (path) => void files.delete(path),
    newHandle: () => (++handles).toString(16).padStart(32, 'a'),
    ...overrides,
  };
  return { deps, files, open, synced, largeFiles: createLargeFiles(deps) };
}

const ANA_WINDOW = 1;
const OTHER_WINDOW = 2;
const bytes = (...values: number[]) => new Uint8Array(values);

describe('large files: reading in chunks', () => {
  it('opens the chosen file, reads it at offsets and closes it', async () => {
    const { largeFiles, open } = fakeDisk();
    const opened = await largeFiles.open(ANA_WINDOW, ['vigia']);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value).toMatchObject({ name: 'caso.vigia', size: 20 });
    expect(opened.value.handle).toMatch(FILE_HANDLE_PATTERN);
    const { handle } = opened.value;
    expect(await largeFiles.read(ANA_WINDOW, { handle, offset: 0, length: 4 })).toEqual({ ok: true, value: bytes(0, 1, 2, 3) });
    expect(await largeFiles.read(ANA_WINDOW, { handle, offset: 10, length: 3 })).toEqual({ ok: true, value: bytes(10, 11, 12) });
    expect(await largeFiles.close(ANA_WINDOW, { handle })).toEqual({ ok: true, value: null });
    expect(open.size).toBe(0);
    expect(await largeFiles.read(ANA_WINDOW, { handle, offset: 0, length: 4 })).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('gives the last bytes at the end, nothing at the end, and refuses a read past it', async () => {
    const { largeFiles } = fakeDisk();
    const opened = await largeFiles.open(ANA_WINDOW, []);
    if (!opened.ok) throw new Error(opened.error);
    const { handle } = opened.value;
    expect(await largeFiles.read(ANA_WINDOW, { handle, offset: 18, length: 8 })).toEqual({ ok: true, value: bytes(18, 19) });
    expect(await largeFiles.read(ANA_WINDOW, { handle, offset: 20, length: 8 })).toEqual({ ok: true, value: new Uint8Array() });
    expect(await largeFiles.read(ANA_WINDOW, { handle, offset: 21, length: 8 })).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it("refuses a handle from another window, and that window's unknown handles alike", async () => {
    const { largeFiles } = fakeDisk();
    const opened = await largeFiles.open(ANA_WINDOW, []);
    if (!opened.ok) throw new Error(opened.error);
    const { handle } = opened.value;
    expect(await largeFiles.read(OTHER_WINDOW, { handle, offset: 0, length: 4 })).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await largeFiles.close(OTHER_WINDOW, { handle })).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await largeFiles.read(ANA_WINDOW, { handle: 'f'.repeat(32), offset: 0, length: 4 })).toEqual({ ok: false, error: 'invalid_argument' });
    // Still Ana's, still readable.
    expect((await largeFiles.read(ANA_WINDOW, { handle, offset: 0, length: 1 })).ok).toBe(true);
  });

  it('refuses a file over the limit without keeping it open, and a cancelled dialog', async () => {
    const huge = fakeDisk({ openForReading: async () => ({ size: MAX_LARGE_FILE_BYTES + 1, read: async () => new Uint8Array(), close: async () => void closed.push(1) }) });
    const closed: number[] = [];
    expect(await huge.largeFiles.open(ANA_WINDOW, [])).toEqual({ ok: false, error: 'file_too_large' });
    expect(closed).toEqual([1]);
    const cancelled = fakeDisk({ chooseOpenPath: async () => undefined });
    expect(await cancelled.largeFiles.open(ANA_WINDOW, [])).toEqual({ ok: false, error: 'cancelled' });
  });

  it('limits how many handles one window holds, and a request with no window', async () => {
    const { largeFiles } = fakeDisk();
    for (let i = 0; i < MAX_HANDLES_PER_WINDOW; i += 1) expect((await largeFiles.open(ANA_WINDOW, [])).ok).toBe(true);
    expect(await largeFiles.open(ANA_WINDOW, [])).toEqual({ ok: false, error: 'io_error' });
    expect((await largeFiles.open(OTHER_WINDOW, [])).ok).toBe(true);
    expect(await largeFiles.open(undefined, [])).toEqual({ ok: false, error: 'forbidden_sender' });
  });
});

describe('large files: saving in chunks', () => {
  it('writes to a temporary file beside the chosen one, then flushes and renames it', async () => {
    const { largeFiles, files, synced, open } = fakeDisk();
    const started = await largeFiles.startSave(ANA_WINDOW, { suggestedName: 'caso-2026.vigia' });
    if (!started.ok) throw new Error(started.error);
    expect(started.value.name).toBe('caso-2026.vigia');
    const { handle } = started.value;
    expect(await largeFiles.write(ANA_WINDOW, { handle, bytes: bytes(1, 2) })).toEqual({ ok: true, value: null });
    expect(await largeFiles.write(ANA_WINDOW, { handle, bytes: bytes(3) })).toEqual({ ok: true, value: null });
    const partial = [...files.keys()].find((path) => path.endsWith('.partial'))!;
    expect(partial.startsWith('/home/analyst/Documentos/caso-2026.vigia.')).toBe(true);
    expect(files.has('/home/analyst/Documentos/caso-2026.vigia')).toBe(false);

    expect(await largeFiles.finishSave(ANA_WINDOW, { handle, commit: true })).toEqual({ ok: true, value: { name: 'caso-2026.vigia' } });
    expect(files.get('/home/analyst/Documentos/caso-2026.vigia')).toEqual(bytes(1, 2, 3));
    expect(files.has(partial)).toBe(false);
    expect(synced).toEqual([partial]);
    expect(open.size).toBe(0);
    expect(await largeFiles.write(ANA_WINDOW, { handle, bytes: bytes(4) })).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('keeps the order of writes the renderer did not wait for, and lands them before the finish', async () => {
    const { largeFiles, files } = fakeDisk();
    const started = await largeFiles.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' });
    if (!started.ok) throw new Error(started.error);
    const { handle } = started.value;
    const writes = [1, 2, 3].map((n) => largeFiles.write(ANA_WINDOW, { handle, bytes: bytes(n) }));
    // Finished before the writes were answered: they still land first.
    expect(await largeFiles.finishSave(ANA_WINDOW, { handle, commit: true })).toEqual({ ok: true, value: { name: 'a.vigia' } });
    expect(await Promise.all(writes)).toEqual([1, 2, 3].map(() => ({ ok: true, value: null })));
    expect(files.get('/home/analyst/Documentos/a.vigia')).toEqual(bytes(1, 2, 3));
  });

  it('deletes the temporary file on abort and leaves no chosen file', async () => {
    const { largeFiles, files } = fakeDisk();
    const started = await largeFiles.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' });
    if (!started.ok) throw new Error(started.error);
    await largeFiles.write(ANA_WINDOW, { handle: started.value.handle, bytes: bytes(1) });
    expect(await largeFiles.finishSave(ANA_WINDOW, { handle: started.value.handle, commit: false })).toEqual({ ok: true, value: { name: 'a.vigia' } });
    expect([...files.keys()]).toEqual(['/home/analyst/caso.vigia']);
  });

  it('refuses finish without start, and a save handle used for reading', async () => {
    const { largeFiles } = fakeDisk();
    expect(await largeFiles.finishSave(ANA_WINDOW, { handle: 'a'.repeat(32), commit: true })).toEqual({ ok: false, error: 'invalid_argument' });
    const started = await largeFiles.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' });
    if (!started.ok) throw new Error(started.error);
    expect(await largeFiles.read(ANA_WINDOW, { handle: started.value.handle, offset: 0, length: 1 })).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await largeFiles.finishSave(OTHER_WINDOW, { handle: started.value.handle, commit: true })).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('deletes the temporary file when a write fails, and never overwrites a file it did not create', async () => {
    const disk = fakeDisk();
    const fullDisk = createLargeFiles({
      ...disk.deps,
      createExclusive: async (path) => ({ ...(await disk.deps.createExclusive(path)), write: async () => Promise.reject(new Error('ENOSPC')) }),
    });
    const started = await fullDisk.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' });
    if (!started.ok) throw new Error(started.error);
    expect([...disk.files.keys()].filter((path) => path.endsWith('.partial'))).toHaveLength(1);
    expect(await fullDisk.write(ANA_WINDOW, { handle: started.value.handle, bytes: bytes(1) })).toEqual({ ok: false, error: 'io_error' });
    expect(await fullDisk.finishSave(ANA_WINDOW, { handle: started.value.handle, commit: true })).toEqual({ ok: false, error: 'invalid_argument' });
    expect([...disk.files.keys()]).toEqual(['/home/analyst/caso.vigia']);

    const occupied = fakeDisk({ createExclusive: async () => Promise.reject(new Error('EEXIST')) });
    expect(await occupied.largeFiles.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' })).toEqual({ ok: false, error: 'io_error' });
  });

  it('reports a cancelled save dialog', async () => {
    const { largeFiles, files } = fakeDisk({ chooseSavePath: async () => undefined });
    expect(await largeFiles.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' })).toEqual({ ok: false, error: 'cancelled' });
    expect(files.size).toBe(1);
  });
});

describe('large files: a window that goes away', () => {
  it("closes that window's reads and deletes its unfinished saves, and only that window's", async () => {
    const { largeFiles, files, open } = fakeDisk();
    const reading = await largeFiles.open(ANA_WINDOW, []);
    const saving = await largeFiles.startSave(ANA_WINDOW, { suggestedName: 'a.vigia' });
    const others = await largeFiles.startSave(OTHER_WINDOW, { suggestedName: 'b.vigia' });
    if (!reading.ok || !saving.ok || !others.ok) throw new Error('setup');
    await largeFiles.write(ANA_WINDOW, { handle: saving.value.handle, bytes: bytes(1) });

    await largeFiles.releaseOwner(ANA_WINDOW);
    expect(await largeFiles.read(ANA_WINDOW, { handle: reading.value.handle, offset: 0, length: 1 })).toEqual({ ok: false, error: 'invalid_argument' });
    expect([...files.keys()].filter((path) => path.includes('a.vigia'))).toEqual([]);
    expect([...open].every((path) => path.startsWith('/home/analyst/Documentos/b.vigia.'))).toBe(true);
    expect(await largeFiles.finishSave(OTHER_WINDOW, { handle: others.value.handle, commit: true })).toEqual({ ok: true, value: { name: 'b.vigia' } });

    await largeFiles.releaseAll();
    expect(open.size).toBe(0);
  });
});

describe('large-file channels through dispatch', () => {
  const fromAna = { senderFrame: { url: 'app://vigia/index.html' }, sender: { id: ANA_WINDOW } };
  const fromOther = { senderFrame: { url: 'app://vigia/index.html' }, sender: { id: OTHER_WINDOW } };

  function handlersOn(disk: ReturnType<typeof fakeDisk>) {
    return createInvokeHandlers({
      appVersion: '0.1.0',
      os: 'linux',
      chooseSavePath: disk.deps.chooseSavePath,
      chooseOpenPath: disk.deps.chooseOpenPath,
      writeFile: async () => undefined,
      fileSize: async () => 0,
      readFile: async () => new Uint8Array(),
      printReport: async () => new Uint8Array(),
      setMenuLanguage: () => undefined,
      largeFiles: disk.largeFiles,
    });
  }

  it('binds the handle to the calling window', async () => {
    const handlers = handlersOn(fakeDisk());
    const opened = await dispatch(handlers, 'file:open-large', fromAna, [{ extensions: ['vigia'] }]);
    if (!opened.ok) throw new Error(opened.error);
    const { handle } = opened.value as { handle: string };
    expect(await dispatch(handlers, 'file:read', fromAna, [{ handle, offset: 0, length: 2 }])).toEqual({ ok: true, value: bytes(0, 1) });
    expect(await dispatch(handlers, 'file:read', fromOther, [{ handle, offset: 0, length: 2 }])).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('refuses a path in the suggested name before any dialog opens', async () => {
    let dialogs = 0;
    const handlers = handlersOn(fakeDisk({ chooseSavePath: async () => String(++dialogs) }));
    for (const suggestedName of ['../../.ssh/authorized_keys', '/etc/cron.d/x', 'C:\\Windows\\x.vigia', 'caso\u0000.vigia']) {
      expect(await dispatch(handlers, 'file:save-large-start', fromAna, [{ suggestedName }])).toEqual({ ok: false, error: 'invalid_argument' });
    }
    expect(dialogs).toBe(0);
  });

  it('refuses a page that is not the app, before touching the disk', async () => {
    const disk = fakeDisk();
    const handlers = handlersOn(disk);
    const foreign = { senderFrame: { url: 'https://example.org/' }, sender: { id: ANA_WINDOW } };
    expect(await dispatch(handlers, 'file:save-large-start', foreign, [{ suggestedName: 'a.vigia' }])).toEqual({ ok: false, error: 'forbidden_sender' });
    expect(disk.files.size).toBe(1);
  });
});
