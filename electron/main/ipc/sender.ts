import { isAppUrl } from '../app-origin';

/** The part of an IPC event the sender check reads (Electron's `event.senderFrame`). */
export interface IpcSender {
  senderFrame: { url: string } | null;
  /** The calling window's webContents: its id owns the large-file handles it opens. */
  sender?: { id: number };
}

/**
 * Only the app's own pages may call main. A frame that navigated elsewhere, was destroyed
 * (`senderFrame` is null) or was never the app is refused.
 */
export function isTrustedSender(event: IpcSender): boolean {
  return isAppUrl(event.senderFrame?.url);
}
