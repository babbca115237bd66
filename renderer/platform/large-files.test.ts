import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_BRIDGE_CHUNK_BYTES, type BridgeResult, type VigiaBridge } from '../../shared/ipc/contract';
import { pickLargeFile, saveLargeFile } from './large-files';
import { createWebBridge } from './web-bridge';

afterEach(() => vi.restoreAllMocks());

const HANDLE = '0123456789abcdef0123456789abcdef';

/** Electron's bridge as the page sees it, over a file and a folder in memory. */
function fakeElectronBridge(file: Uint8Array, options: { saveDialog?: 'cancel'; failWriteAt?: number } = {}) {
  const reads: Array<{ offset: number; length: number }> = [];
  const writes: number[] = [];
  const finished: boolean[] = [];
  let closed = 0;
  let saved = new Uint8Array();
  const unused = async (): Promise<BridgeResult<never>> => ({ ok: false, error: 'unavailable' });
  const bridge: VigiaBridge = {
    platform: 'electron',
    appInfo: async () => ({ version: '0', platform: 'electron', os: 'linux' }),
    saveFile: unused,
    openFile: unused,
    onMenuCommand: () => () => undefined,
    openLargeFile: async () => ({ ok: true, value: { name: 'caso.vigia', size: file.length, handle: HANDLE } }),
    readFile: async ({ offset, length }) => {
      reads.push({ offset, length });
      return { ok: true, value: file.slice(offset, offset + length) };
    },
    closeFile: async () => {
      closed += 1;
      return { ok: true, value: null };
    },
    startLargeSave: async ({ suggestedName }) => (options.saveDialog === 'cancel' ? { ok: false, error: 'cancelled' } : { ok: true, value: { handle: HANDLE, name: suggestedName } }),
    writeLargeSave: async ({ bytes }) => {
      if (writes.length === options.failWriteAt) return { ok: false, error: 'io_error' };
      writes.push(bytes.length);
      const next = new Uint8Array(saved.length + bytes.length);
      next.set(saved);
      next.set(bytes, saved.length);
      saved = next;
      return { ok: true, value: null };
    },
    finishLargeSave: async ({ commit }) => {
      finished.push(commit);
      return { ok: true, value: { name: 'caso.vigia' } };
    },
  };
  return { bridge, reads, writes, finished, saved: () => saved, closed: () => closed };
}

/** Byte i is i mod 256 (a plain loop: Uint8Array.from with a callback is slow at these sizes). */
function countingBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = i & 255;
  return bytes;
}

/** A stream of `total` bytes in `piece`-sized chunks, that records whether it was cancelled. */
function exportStream(total: number, piece: number, failAfter?: number) {
  let at = 0;
  let cancelled = false;
  const counting = countingBytes(piece + 256);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && at >= failAfter) return controller.error(new Error('attachment_mismatch'));
      if (at >= total) return controller.close();
      const n = Math.min(piece, total - at);
      controller.enqueue(counting.slice(at % 256, (at % 256) + n));
      at += n;
    },
    cancel: () => void (cancelled = true),
  });
  return { stream, cancelled: () => cancelled };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<number[]> {
  const out: number[] = [];
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(...next.value);
  return out;
}

describe('opening a large file in Electron', () => {
  it('passes on the utility’s unseal progress for this file only while it grows within the file’s size', async () => {
    const { bridge } = fakeElectronBridge(new Uint8Array(1000));
    const STAGED = 'fe'.repeat(16);
    bridge.unsealLargeFile = async (_request, onProgress) => {
      for (const [done, total] of [[100, 1000], [50, 1000], [400, 2000], [1001, 1000], [700, 1000], [1000, 1000]] as const) onProgress?.({ done, total });
      return { ok: true, value: { name: 'caso.vigia', size: 900, handle: STAGED } };
    };
    const picked = await pickLargeFile(['vigia'], bridge);
    if (!picked.ok || !picked.value.unseal) throw new Error('no unseal');
    const heard: Array<{ done: number; total: number }> = [];
    const unsealed = await picked.value.unseal({ passphrase: 'p' }, (progress) => heard.push(progress));
    expect(unsealed.ok && 'size' in unsealed.value && unsealed.value.size).toBe(900);
    expect(heard).toEqual([
      { done: 100, total: 1000 },
      { done: 700, total: 1000 },
      { done: 1000, total: 1000 },
    ]);
  });

  it('feeds the worker a stream read through the bridge in chunks, and closes the handle once', async () => {
    const file = countingBytes(2 * MAX_BRIDGE_CHUNK_BYTES + 5);
    const fake = fakeElectronBridge(file);
    const picked = await pickLargeFile(['vigia'], fake.bridge);
    if (!picked.ok) throw new Error(picked.error);
    expect(picked.value).toMatchObject({ name: 'caso.vigia', size: file.length });
    expect([...(await picked.value.head(4))]).toEqual([0, 1, 2, 3]);
    const source = picked.value.forWorker();
    if (source instanceof Blob) throw new Error('expected a stream');
    expect(source.size).toBe(file.length);
    const reader = source.stream.getReader();
    let total = 0;
    for (let next = await reader.read(); !next.done; next = await reader.read()) total += next.value.length;
    expect(total).toBe(file.length);
    expect(fake.reads.slice(1).map((r) => r.length)).toEqual([MAX_BRIDGE_CHUNK_BYTES, MAX_BRIDGE_CHUNK_BYTES, 5]);
    await picked.value.close();
    await picked.value.close();
    expect(fake.closed()).toBe(1);
  });

  it('reads nothing ahead of what the worker asks for', async () => {
    const fake = fakeElectronBridge(new Uint8Array(3 * MAX_BRIDGE_CHUNK_BYTES));
    const picked = await pickLargeFile(['vigia'], fake.bridge);
    if (!picked.ok) throw new Error(picked.error);
    const source = picked.value.forWorker();
    if (source instanceof Blob) throw new Error('expected a stream');
    await source.stream.getReader().read();
    expect(fake.reads).toHaveLength(1);
  });
});

describe('saving a large file in Electron', () => {
  it("writes the worker's small chunks as bridge-sized writes, then commits", async () => {
    const fake = fakeElectronBridge(new Uint8Array());
    const total = MAX_BRIDGE_CHUNK_BYTES + 70_000;
    const { stream } = exportStream(total, 65_536);
    expect(await saveLargeFile('caso.vigia', stream, undefined, fake.bridge)).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect(fake.writes).toEqual([MAX_BRIDGE_CHUNK_BYTES, 70_000]);
    expect(fake.finished).toEqual([true]);
    const saved = fake.saved();
    expect(saved.length).toBe(total);
    expect(saved[MAX_BRIDGE_CHUNK_BYTES + 1]).toBe((MAX_BRIDGE_CHUNK_BYTES + 1) % 256);
  });

  it('deletes the partial file when the export fails midway', async () => {
    const fake = fakeElectronBridge(new Uint8Array());
    const { stream } = exportStream(3 * MAX_BRIDGE_CHUNK_BYTES, 1024 * 1024, MAX_BRIDGE_CHUNK_BYTES + 1024 * 1024);
    expect(await saveLargeFile('caso.vigia', stream, undefined, fake.bridge)).toEqual({ ok: false, error: 'io_error' });
    expect(fake.finished).toEqual([false]);
  });

  it('deletes the partial file and stops the export when a write fails or the dialog closes', async () => {
    const failing = fakeElectronBridge(new Uint8Array(), { failWriteAt: 1 });
    const first = exportStream(4 * MAX_BRIDGE_CHUNK_BYTES, 1024 * 1024);
    expect(await saveLargeFile('caso.vigia', first.stream, undefined, failing.bridge)).toEqual({ ok: false, error: 'io_error' });
    expect(failing.finished).toEqual([false]);
    expect(first.cancelled()).toBe(true);

    const closing = fakeElectronBridge(new Uint8Array());
    const leaving = new AbortController();
    const original = closing.bridge.writeLargeSave;
    closing.bridge.writeLargeSave = async (request) => {
      leaving.abort();
      return original(request);
    };
    const second = exportStream(4 * MAX_BRIDGE_CHUNK_BYTES, 1024 * 1024);
    expect(await saveLargeFile('caso.vigia', second.stream, leaving.signal, closing.bridge)).toEqual({ ok: false, error: 'cancelled' });
    expect(closing.finished).toEqual([false]);
    expect(second.cancelled()).toBe(true);
  });

  it('stops the export when the save dialog is cancelled', async () => {
    const fake = fakeElectronBridge(new Uint8Array(), { saveDialog: 'cancel' });
    const { stream, cancelled } = exportStream(10, 10);
    expect(await saveLargeFile('caso.vigia', stream, undefined, fake.bridge)).toEqual({ ok: false, error: 'cancelled' });
    expect(cancelled()).toBe(true);
    expect(fake.finished).toEqual([]);
  });
});

describe('large files in web mode', () => {
  it('hands the worker the picked File itself, and downloads an exported Blob as it is', async () => {
    const picked = new File([new Uint8Array([5, 6, 7])], 'caso.vigia');
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [picked] });
      this.dispatchEvent(new Event('change'));
    });
    const bridge = createWebBridge();
    const opened = await pickLargeFile(['vigia'], bridge);
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value.forWorker()).toBe(picked);
    expect([...(await opened.value.head(2))]).toEqual([5, 6]);

    const downloaded: Blob[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloaded.push(blob as Blob);
      return 'blob:vigia/1';
    });
    const bundle = new Blob([new Uint8Array([1, 2, 3])]);
    expect(await saveLargeFile('caso.vigia', bundle, undefined, bridge)).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect(downloaded).toEqual([bundle]);
  });

  it('also saves a stream through the web bridge, as one download', async () => {
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const downloaded: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      downloaded.push(blob as Blob);
      return 'blob:vigia/1';
    });
    const { stream } = exportStream(100_000, 4096);
    expect(await saveLargeFile('caso.vigia', stream, undefined, createWebBridge())).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect((await readAll(downloaded[0]!.stream())).length).toBe(100_000);
  });
});
