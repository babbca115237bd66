import { checkArguments } from '../../../shared/ipc/arguments';
import { IPC_CHANNEL_NAMES, type BridgeResult, type IpcArgument, type IpcChannel, type IpcResult } from '../../../shared/ipc/contract';
import type { HandleOwner } from './large-files';
import { isTrustedSender, type IpcSender } from './sender';

/** Sends the calling window an event (unseal progress); a window that went away is no failure of the call. */
export type Tell = (channel: string, payload: unknown) => void;

/** Who called: the window (webContents id) that owns any large-file handle the call makes, and a way to tell it things. */
export interface Caller {
  owner: HandleOwner;
  tell: Tell;
}

/** What main does for each channel of an area, once the sender and the argument have been checked. */
export type IpcHandlers<C extends IpcChannel = IpcChannel> = {
  [K in C]: (arg: IpcArgument<K>, caller: Caller) => Promise<IpcResult<K>>;
};

/** The calling window, as Electron's `event.sender` shows it. */
export type IpcEvent = IpcSender & { sender?: { id: number; send?(channel: string, ...args: unknown[]): void } };

/** The part of Electron's `ipcMain` this module uses. */
export interface IpcRegistry {
  handle(channel: string, listener: (event: IpcEvent, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * The one dispatcher: for every channel of the contract (and only those), check that the sender is
 * the app's own page, then that the argument has the contract's shape; only then does the handler run.
 * Unexpected failures become `io_error` values rather than stack traces in the renderer.
 */
export function registerIpcHandlers(registry: IpcRegistry, handlers: IpcHandlers): void {
  for (const channel of IPC_CHANNEL_NAMES) {
    registry.handle(channel, (event, ...args) => dispatch(handlers, channel, event, args));
  }
}

export async function dispatch<C extends IpcChannel>(
  handlers: Pick<IpcHandlers, C>,
  channel: C,
  event: IpcEvent,
  args: readonly unknown[],
): Promise<BridgeResult<unknown>> {
  if (!isTrustedSender(event)) return { ok: false, error: 'forbidden_sender' };
  const checked = checkArguments(channel, args);
  if (!checked.ok) return checked;
  const handler = handlers[channel] as (arg: unknown, caller: Caller) => Promise<BridgeResult<unknown>>;
  const tell: Tell = (eventChannel, payload) => {
    try {
      event.sender?.send?.(eventChannel, payload);
    } catch {
      // The window closed mid-call: its handles go with it (large-files.ts).
    }
  };
  try {
    return await handler(checked.value, { owner: event.sender?.id, tell });
  } catch {
    return { ok: false, error: 'io_error' };
  }
}
