import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { type BlockedKind, type GuardedContents, installNavigationGuards, isNavigationAllowed } from './navigation';

/** A stand-in for WebContents: an emitter plus the window-open hook. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function navigationEvent(url: string) {
  return { url, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

function guarded() {
  const contents = new FakeContents();
  const blocked: Array<[BlockedKind, string]> = [];
  installNavigationGuards(contents as unknown as GuardedContents, (kind, url) => blocked.push([kind, url]));
  return { contents, blocked };
}

describe('isNavigationAllowed', () => {
  it('allows only the app origin', () => {
    expect(isNavigationAllowed('app://vigia/index.html')).toBe(true);
    expect(isNavigationAllowed('https://example.org/')).toBe(false);
    expect(isNavigationAllowed('file:///etc/passwd')).toBe(false);
    expect(isNavigationAllowed('app://vigia@example.org/')).toBe(false);
  });
});

describe('installNavigationGuards', () => {
  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s to another origin is prevented', (name) => {
    const { contents, blocked } = guarded();
    const away = navigationEvent('https://example.org/phish');
    contents.emit(name, away);
    expect(away.defaultPrevented).toBe(true);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]?.[1]).toBe('https://example.org/phish');
  });

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s inside the app goes ahead', (name) => {
    const { contents, blocked } = guarded();
    const inside = navigationEvent('app://vigia/index.html');
    contents.emit(name, inside);
    expect(inside.defaultPrevented).toBe(false);
    expect(blocked).toEqual([]);
  });

  it('denies every new window, even one on the app origin', () => {
    const { contents, blocked } = guarded();
    expect(contents.openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://vigia/index.html' })).toEqual({ action: 'deny' });
    expect(blocked.map(([kind]) => kind)).toEqual(['window-open', 'window-open']);
  });

  it('prevents attaching a webview', () => {
    const { contents, blocked } = guarded();
    const attach = navigationEvent('');
    contents.emit('will-attach-webview', attach, {}, { src: 'https://example.org/' });
    expect(attach.defaultPrevented).toBe(true);
    expect(blocked).toEqual([['webview', 'https://example.org/']]);
  });
});
