import { z } from 'zod';
import {
  type BridgeErrorCode,
  type InvokeChannel,
  type InvokeContract,
  MAX_BRIDGE_FILE_BYTES,
  MENU_LANGUAGES,
} from '../../../shared/ipc/contract';
import { isPlainFileName } from './file-name';

const MAX_EXTENSIONS = 16;

const saveFileRequest = z.strictObject({
  suggestedName: z.string().refine(isPlainFileName),
  bytes: z.instanceof(Uint8Array),
});

const openFileRequest = z.strictObject({
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/)).max(MAX_EXTENSIONS),
});

const ARGUMENT_SCHEMAS: { [C in InvokeChannel]: z.ZodType<InvokeContract[C]['arg']> } = {
  'app:info': z.undefined(),
  'app:set-menu-language': z.enum(MENU_LANGUAGES),
  'file:save': saveFileRequest,
  'file:open': openFileRequest,
};

export type ArgumentCheck<C extends InvokeChannel> =
  | { ok: true; value: InvokeContract[C]['arg'] }
  | { ok: false; error: BridgeErrorCode };

/**
 * Checks what the renderer sent on `channel`: exactly one argument of the contract's shape, and
 * file bytes within the bridge's limit. The renderer is trusted code, but a compromised page must
 * not reach the file system with anything else.
 */
export function checkArguments<C extends InvokeChannel>(channel: C, args: readonly unknown[]): ArgumentCheck<C> {
  if (args.length > 1) return { ok: false, error: 'invalid_argument' };
  const parsed = ARGUMENT_SCHEMAS[channel].safeParse(args[0]);
  if (!parsed.success) return { ok: false, error: 'invalid_argument' };
  const value = parsed.data;
  if (channel === 'file:save' && (value as InvokeContract['file:save']['arg']).bytes.byteLength > MAX_BRIDGE_FILE_BYTES) {
    return { ok: false, error: 'file_too_large' };
  }
  return { ok: true, value };
}
