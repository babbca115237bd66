import { z } from 'zod';
import { SEALED_FILE_CHANNELS, type BridgeResult, type SealedFileChannel } from '../../../shared/ipc/contract';
import { FILE_HANDLE_PATTERN, type HandleOwner } from './large-files';
import { isPlainFileName } from './file-name';
import type { InvokeRegistry } from './register';
import type { SealedFiles } from './sealed-files';
import { isTrustedSender, type IpcSender } from './sender';

const recipient = z.string().regex(/^age1[0-9a-z]{20,200}$/);
const passphrase = z.string().min(1).max(1024);

const ARGUMENTS: { [C in SealedFileChannel]: z.ZodType } = {
  'file:save-sealed-start': z.strictObject({
    suggestedName: z.string().refine(isPlainFileName),
    encryption: z.union([
      z.strictObject({ mode: z.literal('recipients'), recipients: z.array(recipient).min(1).max(64) }),
      z.strictObject({ mode: z.literal('passphrase'), passphrase }),
    ]),
  }),
  'file:unseal': z.strictObject({
    handle: z.string().regex(FILE_HANDLE_PATTERN),
    key: z.union([z.strictObject({ identity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]{20,200}$/) }), z.strictObject({ passphrase })]),
  }),
};

type SealedHandlers = { [C in SealedFileChannel]: (arg: never, owner: HandleOwner) => Promise<BridgeResult<unknown>> };

export function sealedHandlers(sealed: SealedFiles): SealedHandlers {
  return {
    'file:save-sealed-start': (request: Parameters<SealedFiles['startSave']>[1], owner) => sealed.startSave(owner, request),
    'file:unseal': (request: Parameters<SealedFiles['unseal']>[1], owner) => sealed.unseal(owner, request),
  };
}

/** The sealed-file channels, checked like every other: the app's own page, one argument of the right shape. */
export function registerSealedFileHandlers(registry: InvokeRegistry, sealed: SealedFiles): void {
  const handlers = sealedHandlers(sealed);
  for (const channel of SEALED_FILE_CHANNELS) {
    registry.handle(channel, (event, ...args) => dispatchSealed(handlers, channel, event, args));
  }
}

export async function dispatchSealed(handlers: SealedHandlers, channel: SealedFileChannel, event: IpcSender, args: readonly unknown[]): Promise<BridgeResult<unknown>> {
  if (!isTrustedSender(event)) return { ok: false, error: 'forbidden_sender' };
  const parsed = ARGUMENTS[channel].safeParse(args[0]);
  if (args.length !== 1 || !parsed.success) return { ok: false, error: 'invalid_argument' };
  const handler = handlers[channel] as (arg: unknown, owner: HandleOwner) => Promise<BridgeResult<unknown>>;
  try {
    return await handler(parsed.data, event.sender?.id);
  } catch {
    return { ok: false, error: 'io_error' };
  }
}
