/**
 * Which requests the session lets through. The app is offline: its own files (app:), inline data
 * (data:) and objects it made itself (blob:). DevTools' own pages only in an unpackaged build whose
 * developer asked for them.
 */
const ALWAYS_ALLOWED_SCHEMES: ReadonlySet<string> = new Set(['app:', 'data:', 'blob:']);
const DEVTOOLS_SCHEMES: ReadonlySet<string> = new Set(['devtools:']);

export interface RequestFilterOptions {
  allowDevtools: boolean;
}

export function isRequestAllowed(url: string, options: RequestFilterOptions): boolean {
  const scheme = schemeOf(url);
  if (scheme === undefined) return false;
  if (ALWAYS_ALLOWED_SCHEMES.has(scheme)) return true;
  return options.allowDevtools && DEVTOOLS_SCHEMES.has(scheme);
}

function schemeOf(url: string): string | undefined {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return match?.[1] === undefined ? undefined : `${match[1].toLowerCase()}:`;
}

/** The listener for `session.webRequest.onBeforeRequest`. */
export function createRequestFilter(
  options: RequestFilterOptions,
  onCancelled: (url: string) => void = () => {},
): (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void {
  return (details, callback) => {
    const allowed = isRequestAllowed(details.url, options);
    if (!allowed) onCancelled(details.url);
    callback({ cancel: !allowed });
  };
}
