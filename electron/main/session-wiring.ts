import { readFile, realpath } from 'node:fs';
import { promisify } from 'node:util';
import { type Session, protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { denyAllPermissions } from './guards/permissions';
import { createRequestFilter } from './guards/request-filter';
import { createAppProtocolHandler } from './protocol/app-protocol';

/**
 * Must run before the app is ready: app:// behaves like https (standard, secure origin, fetch,
 * IndexedDB) so the renderer never needs file://. `corsEnabled` stays off on purpose: it would let
 * any other origin read app:// responses; the app's own same-origin loads do not need it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

// The callback forms: Electron's asar patches cover them, so this also reads from app.asar.
const readFileFromDisk = promisify(readFile);
const realpathOnDisk = promisify(realpath);

/** Serves the built renderer, denies permissions and cancels every request off the app. */
export function hardenSession(session: Session, rendererRoot: string, developerTools: boolean): void {
  session.protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ root: rendererRoot, readFile: (file) => readFileFromDisk(file), realpath: (file) => realpathOnDisk(file) }),
  );
  denyAllPermissions(session);
  session.webRequest.onBeforeRequest(
    createRequestFilter({ allowDevtools: developerTools }, (url) => console.warn(`[vigia] request cancelled: ${url}`)),
  );
  // Offline: no spell-checker dictionaries fetched from a CDN.
  session.setSpellCheckerEnabled(false);
}
