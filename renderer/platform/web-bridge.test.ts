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
});
