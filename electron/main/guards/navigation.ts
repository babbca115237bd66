import type { WebContents } from 'electron';
import { isAppUrl } from '../app-origin';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export type BlockedKind = 'navigation' | 'redirect' | 'window-open' | 'webview';

/** Navigation stays inside the app: anything else is case data pretending to be a link. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/**
 * Attaches the guards to one web contents: no navigation or redirect off the app's origin (main
 * frame and sub-frames), no new windows, no <webview>.
 */
export function installNavigationGuards(
  contents: GuardedContents,
  onBlocked: (kind: BlockedKind, url: string) => void = () => {},
): void {
  contents.on('will-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    onBlocked('navigation', event.url);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    onBlocked('navigation', event.url);
  });
  contents.on('will-redirect', (event) => {
    if (isNavigationAllowed(event.url)) return;
    event.preventDefault();
    onBlocked('redirect', event.url);
  });
  contents.on('will-attach-webview', (event, _webPreferences, params) => {
    event.preventDefault();
    onBlocked('webview', params.src ?? '');
  });
  contents.setWindowOpenHandler((details) => {
    onBlocked('window-open', details.url);
    return { action: 'deny' };
  });
}
