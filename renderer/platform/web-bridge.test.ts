import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebBridge } from './web-bridge';

afterEach(() => vi.restoreAllMocks());

describe('web bridge', () => {
  it('says it runs in a browser', async () => {
    const bridge = createWebBridge();
    expect(bridge.platform).toBe('web');
    expect((await bridge.appInfo()).platform).toBe('web');
  });

  it('saves a file as a download with the suggested name, without directories', async () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const result = await createWebBridge().saveFile({ suggestedName: '../case.vigia', bytes: new Uint8Array([1, 2]) });
    expect(result).toEqual({ ok: true, value: { name: '.._case.vigia' } });
    expect(clicked[0]?.download).toBe('.._case.vigia');
    expect(document.querySelector('a[download]')).toBeNull();
  });

  it('reports a dismissed file picker as cancelled', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    expect(await createWebBridge().openFile({ extensions: ['vigia'] })).toEqual({ ok: false, error: 'cancelled' });
  });

  it('reads the chosen file', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      expect(this.accept).toBe('.vigia');
      Object.defineProperty(this, 'files', { value: [new File([new Uint8Array([7, 8, 9])], 'a.vigia')] });
      this.dispatchEvent(new Event('change'));
    });
    const result = await createWebBridge().openFile({ extensions: ['vigia'] });
    expect(result.ok && result.value.name).toBe('a.vigia');
    expect(result.ok && [...result.value.bytes]).toEqual([7, 8, 9]);
  });

  it('delivers no menu commands', () => {
    const listener = vi.fn();
    const unsubscribe = createWebBridge().onMenuCommand(listener);
    unsubscribe();
    expect(listener).not.toHaveBeenCalled();
  });

  it('opens a large file as the picked File itself and reads it by slices', async () => {
    const picked = new File([Uint8Array.from({ length: 10 }, (_, i) => i)], 'caso.vigia');
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      Object.defineProperty(this, 'files', { value: [picked] });
      this.dispatchEvent(new Event('change'));
    });
    const bridge = createWebBridge();
    const opened = await bridge.openLargeFile({ extensions: ['vigia'] });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.value).toMatchObject({ name: 'caso.vigia', size: 10 });
    const { handle } = opened.value;
    expect(bridge.pickedFile(handle)).toBe(picked);
    expect(await bridge.readFile({ handle, offset: 7, length: 8 })).toEqual({ ok: true, value: new Uint8Array([7, 8, 9]) });
    expect(await bridge.readFile({ handle, offset: 11, length: 1 })).toEqual({ ok: false, error: 'invalid_argument' });
    expect(await bridge.closeFile({ handle })).toEqual({ ok: true, value: null });
    expect(bridge.pickedFile(handle)).toBeUndefined();
    expect(await bridge.readFile({ handle, offset: 0, length: 1 })).toEqual({ ok: false, error: 'invalid_argument' });
  });

  it('saves a large file as one Blob download on commit, revoking its URL afterwards, and nothing on abort', async () => {
    vi.useFakeTimers();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return `blob:vigia/${blobs.length}`;
    });
    const revoked = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    try {
      const bridge = createWebBridge();
      const started = await bridge.startLargeSave({ suggestedName: 'dir/caso.vigia' });
      if (!started.ok) throw new Error(started.error);
      expect(started.value.name).toBe('dir_caso.vigia');
      await bridge.writeLargeSave({ handle: started.value.handle, bytes: new Uint8Array([1, 2]) });
      await bridge.writeLargeSave({ handle: started.value.handle, bytes: new Uint8Array([3]) });
      expect(clicked).toHaveLength(0);
      expect(await bridge.finishLargeSave({ handle: started.value.handle, commit: true })).toEqual({ ok: true, value: { name: 'dir_caso.vigia' } });
      expect(clicked.map((a) => a.download)).toEqual(['dir_caso.vigia']);
      expect([...new Uint8Array(await blobs[0]!.arrayBuffer())]).toEqual([1, 2, 3]);
      expect(revoked).not.toHaveBeenCalled();
      vi.advanceTimersByTime(60_000);
      expect(revoked).toHaveBeenCalledWith('blob:vigia/1');

      const aborted = await bridge.startLargeSave({ suggestedName: 'b.vigia' });
      if (!aborted.ok) throw new Error(aborted.error);
      await bridge.writeLargeSave({ handle: aborted.value.handle, bytes: new Uint8Array([9]) });
      expect(await bridge.finishLargeSave({ handle: aborted.value.handle, commit: false })).toEqual({ ok: true, value: { name: 'b.vigia' } });
      expect(clicked).toHaveLength(1);
      expect(await bridge.finishLargeSave({ handle: aborted.value.handle, commit: true })).toEqual({ ok: false, error: 'invalid_argument' });
    } finally {
      vi.useRealTimers();
    }
  });
});
