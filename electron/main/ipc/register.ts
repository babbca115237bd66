import { INVOKE_CHANNELS, type InvokeChannel, type BridgeResult } from '../../../shared/ipc/contract';
import { checkArguments } from './arguments';
import type { InvokeHandlers } from './handlers';
import { type IpcSender, isTrustedSender } from './sender';

/** The part of Electron's `ipcMain` this module uses. */
export interface InvokeRegistry {
  handle(channel: string, listener: (event: IpcSender, ...args: unknown[]) => Promise<unknown>): void;
}

/**
 * One handler per contract channel. Each checks, in order: the sender is the app's own page, the
 * argument has the contract's shape; only then does the work run. Unexpected failures become
 * `io_error` values rather than stack traces in the renderer.
 */
export function registerInvokeHandlers(registry: InvokeRegistry, handlers: InvokeHandlers): void {
  for (const channel of INVOKE_CHANNELS) {
    registry.handle(channel, (event, ...args) => dispatch(handlers, channel, event, args));
  }
}

export async function dispatch(
  handlers: InvokeHandlers,
  channel: InvokeChannel,
  event: IpcSender,
  args: readonly unknown[],
): Promise<BridgeResult<unknown>> {
  if (!isTrustedSender(event)) return { ok: false, error: 'forbidden_sender' };
  const checked = checkArguments(channel, args);
  if (!checked.ok) return checked;
  const handler = handlers[channel] as (arg: unknown, owner: number | undefined) => Promise<BridgeResult<unknown>>;
  try {
    return await handler(checked.value, event.sender?.id);
  } catch {
    return { ok: false, error: 'io_error' };
  }
}
