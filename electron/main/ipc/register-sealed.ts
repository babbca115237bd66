import { z } from 'zod';
import { EVENT_CHANNELS, SEALED_FILE_CHANNELS, type BridgeResult, type SealedFileChannel, type UnsealProgress, type UnsealProgressEvent } from '../../../shared/ipc/contract';
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

/** The calling window, which may also be told how its unseal goes (Electron's `event.sender.send`). */
export type SealedSender = IpcSender & { sender?: { id: number; send?(channel: string, ...args: unknown[]): void } };

/** Sends the caller an event; a window that went away meanwhile is no failure of the call. */
type Tell = (channel: string, payload: unknown) => void;

type SealedHandlers = { [C in SealedFileChannel]: (arg: never, owner: HandleOwner, tell: Tell) => Promise<BridgeResult<unknown>> };

export function sealedHandlers(sealed: SealedFiles): SealedHandlers {
  return {
    'file:save-sealed-start': (request: Parameters<SealedFiles['startSave']>[1], owner) => sealed.startSave(owner, request),
    // Progress names the sealed file's handle: the page may unseal more than one file at a time.
    'file:unseal': (request: Parameters<SealedFiles['unseal']>[1], owner, tell) =>
      sealed.unseal(owner, request, (progress: UnsealProgress) => tell(EVENT_CHANNELS.unsealProgress, { handle: request.handle, done: progress.done, total: progress.total } satisfies UnsealProgressEvent)),
  };
}

/** The sealed-file channels, checked like every other: the app's own page, one argument of the right shape. */
export function registerSealedFileHandlers(registry: InvokeRegistry, sealed: SealedFiles): void {
  const handlers = sealedHandlers(sealed);
  for (const channel of SEALED_FILE_CHANNELS) {
    registry.handle(channel, (event, ...args) => dispatchSealed(handlers, channel, event, args));
  }
}

export async function dispatchSealed(handlers: SealedHandlers, channel: SealedFileChannel, event: SealedSender, args: readonly unknown[]): Promise<BridgeResult<unknown>> {
  if (!isTrustedSender(event)) return { ok: false, error: 'forbidden_sender' };
  const parsed = ARGUMENTS[channel].safeParse(args[0]);
  if (args.length !== 1 || !parsed.success) return { ok: false, error: 'invalid_argument' };
  const handler = handlers[channel] as (arg: unknown, owner: HandleOwner, tell: Tell) => Promise<BridgeResult<unknown>>;
  const tell: Tell = (eventChannel, payload) => {
    try {
      event.sender?.send?.(eventChannel, payload);
    } catch {
      // The window closed mid-unseal: its handles go with it (large-files.ts).
    }
  };
  try {
    return await handler(parsed.data, event.sender?.id, tell);
  } catch {
    return { ok: false, error: 'io_error' };
  }
}
