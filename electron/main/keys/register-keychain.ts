import { z } from 'zod';
import { KEY_CHANNELS, type BridgeResult, type KeyChannel } from '../../../shared/ipc/contract';
import type { InvokeRegistry } from '../ipc/register';
import { isTrustedSender, type IpcSender } from '../ipc/sender';
import { MAX_SECRET_CHARS, type KeychainHandlers } from './keychain';

const ARGUMENTS: { [C in KeyChannel]: z.ZodType } = {
  'keys:seal': z.string().min(1).max(MAX_SECRET_CHARS),
  'keys:unseal': z.instanceof(Uint8Array).refine((b) => b.byteLength > 0 && b.byteLength <= 4 * MAX_SECRET_CHARS),
};

/** The keychain's two channels, checked like every other: the app's own page, one argument of the right shape. */
export function registerKeychainHandlers(registry: InvokeRegistry, handlers: KeychainHandlers): void {
  for (const channel of KEY_CHANNELS) {
    registry.handle(channel, (event, ...args) => dispatchKeychain(handlers, channel, event, args));
  }
}

export async function dispatchKeychain(handlers: KeychainHandlers, channel: KeyChannel, event: IpcSender, args: readonly unknown[]): Promise<BridgeResult<unknown>> {
  if (!isTrustedSender(event)) return { ok: false, error: 'forbidden_sender' };
  const parsed = ARGUMENTS[channel].safeParse(args[0]);
  if (args.length !== 1 || !parsed.success) return { ok: false, error: 'invalid_argument' };
  const handler = handlers[channel] as (arg: unknown) => Promise<BridgeResult<unknown>>;
  try {
    return await handler(parsed.data);
  } catch {
    return { ok: false, error: 'io_error' };
  }
}
