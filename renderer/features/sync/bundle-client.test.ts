import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BundleMessage, BundleRequest } from '../../workers/bundle-protocol';
import { runBundleJob } from './bundle-client';

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
