/**
 * Where the workstation lives. A fixed host keeps the origin stable across restarts, which is what
 * keeps the case data in IndexedDB (storage is per origin).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vigia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * True when `url` belongs to the app's own origin. Compared field by field: Node's URL gives custom
 * schemes an opaque origin ('null'), and `app://vigia@elsewhere/` must not pass as the app.
 */
export function isAppUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
