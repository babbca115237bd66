import { z } from 'zod';
import {
  type BridgeErrorCode,
  type InvokeChannel,
  type InvokeContract,
  MAX_BRIDGE_CHUNK_BYTES,
  MAX_BRIDGE_FILE_BYTES,
  MAX_LARGE_FILE_BYTES,
  MENU_LANGUAGES,
} from '../../../shared/ipc/contract';
import { FILE_HANDLE_PATTERN } from './large-files';
import { isPlainFileName } from './file-name';

const MAX_EXTENSIONS = 16;

const saveFileRequest = z.strictObject({
  suggestedName: z.string().refine(isPlainFileName),
  bytes: z.instanceof(Uint8Array),
});

const openFileRequest = z.strictObject({
  extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/)).max(MAX_EXTENSIONS),
});

const fileHandle = z.string().regex(FILE_HANDLE_PATTERN);

const readFileRequest = z.strictObject({
  handle: fileHandle,
  offset: z.int().min(0).max(MAX_LARGE_FILE_BYTES),
  length: z.int().min(1).max(MAX_BRIDGE_CHUNK_BYTES),
});

const writeLargeSaveRequest = z.strictObject({
  handle: fileHandle,
  bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength >= 1 && bytes.byteLength <= MAX_BRIDGE_CHUNK_BYTES),
});

const ARGUMENT_SCHEMAS: { [C in InvokeChannel]: z.ZodType<InvokeContract[C]['arg']> } = {
  'app:info': z.undefined(),
  'app:set-menu-language': z.enum(MENU_LANGUAGES),
  'file:save': saveFileRequest,
  'file:open': openFileRequest,
  'file:open-large': openFileRequest,
  'file:read': readFileRequest,
  'file:close': z.strictObject({ handle: fileHandle }),
  'file:save-large-start': z.strictObject({ suggestedName: z.string().refine(isPlainFileName) }),
  'file:save-large-write': writeLargeSaveRequest,
  'file:save-large-finish': z.strictObject({ handle: fileHandle, commit: z.boolean() }),
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
