import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleMessage, BundleRequest } from '../../workers/bundle-protocol';
import type { VigiaBridge } from '../../../shared/ipc/contract';
import type { PickedLargeFile } from '../../platform/large-files';
import { exportBundle, openBundleJob, runBundleJob } from './bundle-client';

/** A stand-in for the bundle worker: records what the page posts and when it is ended. */
class FakeWorker extends EventTarget {
  static last: FakeWorker | undefined;
  posted: Array<{ request: BundleRequest; transfer: unknown[] }> = [];
  terminated = false;
  constructor() {
    super();
    FakeWorker.last = this;
  }
  postMessage(request: BundleRequest, transfer: unknown[] = []) {
    this.posted.push({ request, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  answer(message: BundleMessage) {
    this.dispatchEvent(new MessageEvent('message', { data: message }));
  }
}

afterEach(() => vi.unstubAllGlobals());

const worker = () => FakeWorker.last!;
const manifest = {} as Extract<BundleMessage, { type: 'exported' }>['manifest'];
const openRequest = (bytes: Extract<BundleRequest, { job: 'open' }>['bytes']): BundleRequest => ({ job: 'open', bytes, key: { passphrase: 'x' }, trustedSigningKeys: [] });

describe('runBundleJob', () => {
  it('transfers a page-fed stream to the worker, but never a Blob (which has a stream() method too)', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const stream = new ReadableStream<Uint8Array>();
    void runBundleJob(openRequest({ stream, size: 10 }));
    expect(worker().posted[0]!.transfer).toEqual([stream]);
    void runBundleJob(openRequest(new Blob([new Uint8Array([1])])));
    expect(worker().posted[0]!.transfer).toEqual([]);
  });

  it('ends the worker with an ordinary result, and reports progress before it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const progress: number[] = [];
    const job = runBundleJob(openRequest(new Uint8Array([1])), (p) => progress.push(p.done));
    worker().answer({ type: 'progress', phase: 'decrypting', done: 5, total: 10 });
    worker().answer({ type: 'failed', error: { code: 'bundle_damaged' } });
    expect(await job).toEqual({ type: 'failed', error: { code: 'bundle_damaged' } });
    expect(progress).toEqual([5]);
    expect(worker().terminated).toBe(true);
  });

  it('keeps the worker of a streamed export until the page has read the stream to its end', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    let send!: ReadableStreamDefaultController<Uint8Array>;
    const fromWorker = new ReadableStream<Uint8Array>({ start: (c) => void (send = c) });
    const job = runBundleJob({ job: 'export', output: 'stream' } as BundleRequest);
    worker().answer({ type: 'exported', manifest, file: fromWorker });
    const result = await job;
    if (result.type !== 'exported' || result.file instanceof Blob) throw new Error('expected a stream');
    expect(worker().terminated).toBe(false);
    const reader = result.file.getReader();
    send.enqueue(new Uint8Array([1, 2]));
    expect((await reader.read()).value).toEqual(new Uint8Array([1, 2]));
    expect(worker().terminated).toBe(false);
    send.close();
    expect((await reader.read()).done).toBe(true);
    expect(worker().terminated).toBe(true);
  });

  it('ends the worker when the page cancels the stream, or the dialog closes mid-job', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const job = runBundleJob({ job: 'export', output: 'stream' } as BundleRequest);
    worker().answer({ type: 'exported', manifest, file: new ReadableStream() });
    const result = await job;
    if (result.type !== 'exported' || result.file instanceof Blob) throw new Error('expected a stream');
    await result.file.cancel();
    expect(worker().terminated).toBe(true);

    const leaving = new AbortController();
    const abandoned = runBundleJob({ job: 'export', output: 'blob' } as BundleRequest, undefined, leaving.signal);
    leaving.abort();
    expect(await abandoned).toEqual({ type: 'failed', error: { code: 'cancelled' } });
    expect(worker().terminated).toBe(true);
  });
});

/** An Electron-shaped bridge whose utility process answers `sealing` ('up' or 'unavailable'); records the calls. */
function desktopBridge(sealing: 'up' | 'unavailable') {
  const calls: string[] = [];
  const written: Uint8Array[] = [];
  const bridge = {
    platform: 'electron',
    startSealedSave: async () => (calls.push('startSealedSave'), sealing === 'up' ? { ok: true, value: { handle: 's', name: 'caso.vigia' } } : { ok: false, error: 'unavailable' }),
    unsealLargeFile: async () => ({ ok: false, error: 'unavailable' }),
    startLargeSave: async () => (calls.push('startLargeSave'), { ok: true, value: { handle: 'p', name: 'caso.vigia' } }),
    writeLargeSave: async ({ handle, bytes }: { handle: string; bytes: Uint8Array }) => (calls.push(`write:${handle}`), written.push(bytes), { ok: true, value: null }),
    finishLargeSave: async ({ handle, commit }: { handle: string; commit: boolean }) => (calls.push(`finish:${handle}:${commit}`), { ok: true, value: { name: 'caso.vigia' } }),
  } as unknown as VigiaBridge;
  return { bridge, calls, written };
}

const exportRequest = { job: 'export', database: { name: 'db' }, caseId: 'case:1', keyfileText: 'k', encryption: { mode: 'passphrase', passphrase: 'una frase larga' }, recipientNames: {}, marking: 'RESERVADO' } as const;
const streamOf = (...bytes: number[]) => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array(bytes)), c.close()) });
const posted = () => worker().posted[0]!.request;

describe('the desktop app’s bundles through the utility process', () => {
  it('export: the worker writes the signed ZIP, the utility process seals it on its way to disk', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const { bridge, calls, written } = desktopBridge('up');
    const job = exportBundle(exportRequest, () => 'caso.vigia', undefined, undefined, bridge);
    await vi.waitFor(() => expect(FakeWorker.last?.posted).toHaveLength(1));
    expect(posted()).toMatchObject({ job: 'export', output: 'zip-stream' });
    worker().answer({ type: 'exported', manifest, file: streamOf(80, 75) });
    const { saved } = await job;
    expect(saved).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect(calls).toEqual(['startSealedSave', 'write:s', 'finish:s:true']);
    expect(written).toEqual([new Uint8Array([80, 75])]);
  });

  it('export: without the utility process, the worker encrypts as before, and nothing is asked twice', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const { bridge, calls } = desktopBridge('unavailable');
    const job = exportBundle(exportRequest, () => 'caso.vigia', undefined, undefined, bridge);
    await vi.waitFor(() => expect(FakeWorker.last?.posted).toHaveLength(1));
    const first = worker();
    first.answer({ type: 'exported', manifest, file: streamOf(80, 75) });
    await vi.waitFor(() => expect(worker()).not.toBe(first));
    expect(first.terminated).toBe(true);
    expect(posted()).toMatchObject({ job: 'export', output: 'stream' });
    worker().answer({ type: 'exported', manifest, file: streamOf(1, 2) });
    expect((await job).saved).toEqual({ ok: true, value: { name: 'caso.vigia' } });
    expect(calls).toEqual(['startSealedSave', 'startLargeSave', 'write:p', 'finish:p:true']);
  });

  function pickedFile(unseal: PickedLargeFile['unseal']) {
    const closed: string[] = [];
    const file: PickedLargeFile = {
      name: 'caso.vigia',
      size: 100,
      forWorker: () => new Blob([new Uint8Array([1])]),
      head: async () => new Uint8Array(),
      close: async () => void closed.push('file'),
      ...(unseal ? { unseal } : {}),
    };
    return { file, closed };
  }

  it('import: age’s refusal from the utility process is the job’s error, and no worker starts', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const { file } = pickedFile(async () => ({ ok: true, value: { refused: { code: 'wrong_passphrase' } } }));
    expect(await openBundleJob(file, { passphrase: 'x' }, [])).toEqual({ type: 'failed', error: { code: 'wrong_passphrase' } });
    expect(FakeWorker.last).toBeUndefined();
  });

  it('import: the worker checks the staged plaintext through a port, and the stage is closed after', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const released: string[] = [];
    const { file } = pickedFile(async () => ({
      ok: true,
      value: { size: 4, read: async () => new Uint8Array([1, 2, 3, 4]), close: async () => void released.push('stage') },
    }));
    const job = openBundleJob(file, { passphrase: 'x' }, ['RWQ']);
    await vi.waitFor(() => expect(FakeWorker.last?.posted).toHaveLength(1));
    const request = posted();
    if (request.job !== 'open-staged') throw new Error(request.job);
    expect(request).toMatchObject({ key: { passphrase: 'x' }, trustedSigningKeys: ['RWQ'], plaintext: { size: 4 } });
    expect(worker().posted[0]!.transfer).toEqual([request.plaintext.port]);
    worker().answer({ type: 'failed', error: { code: 'zip_invalid' } });
    expect(await job).toEqual({ type: 'failed', error: { code: 'zip_invalid' } });
    expect(released).toEqual(['stage']);
    request.plaintext.port.close();
  });

  it('import: the utility’s byte counts are the decrypting progress; the worker’s after it are the check', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const { file } = pickedFile(async (_key, onProgress) => {
      onProgress?.({ done: 40, total: 100 });
      onProgress?.({ done: 100, total: 100 });
      return { ok: true, value: { size: 4, read: async () => new Uint8Array(4), close: async () => undefined } };
    });
    const heard: unknown[] = [];
    const job = openBundleJob(file, { passphrase: 'x' }, [], (progress) => heard.push(progress));
    await vi.waitFor(() => expect(FakeWorker.last?.posted).toHaveLength(1));
    worker().answer({ type: 'progress', phase: 'decrypting', done: 0, total: 4 });
    worker().answer({ type: 'failed', error: { code: 'zip_invalid' } });
    await job;
    expect(heard).toEqual([
      { phase: 'decrypting', done: 0, total: 100 },
      { phase: 'decrypting', done: 40, total: 100 },
      { phase: 'decrypting', done: 100, total: 100 },
      { phase: 'checking', done: 0, total: 4 },
    ]);
    (posted() as Extract<BundleRequest, { job: 'open-staged' }>).plaintext.port.close();
  });

  it('import: without the utility process, the worker decrypts the file itself', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    FakeWorker.last = undefined;
    const { file } = pickedFile(async () => ({ ok: false, error: 'unavailable' }));
    const job = openBundleJob(file, { identity: 'AGE-SECRET-KEY-1X' }, []);
    await vi.waitFor(() => expect(FakeWorker.last?.posted.length).toBe(1));
    expect(posted()).toMatchObject({ job: 'open', key: { identity: 'AGE-SECRET-KEY-1X' } });
    worker().answer({ type: 'failed', error: { code: 'bundle_damaged' } });
    expect(await job).toEqual({ type: 'failed', error: { code: 'bundle_damaged' } });
  });
});
