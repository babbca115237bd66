import { z } from 'zod';
import {
  type BridgeErrorCode,
  type IpcArgument,
  type IpcChannel,
  MAX_BRIDGE_CHUNK_BYTES,
  MAX_BRIDGE_FILE_BYTES,
  MAX_LARGE_FILE_BYTES,
  MENU_LANGUAGES,
} from './contract';
import { isPlainFileName } from './file-name';

/**
 * The shape of every channel's argument, checked by main's one dispatcher before any handler runs.
 * The renderer is trusted code, but a compromised page must not reach the file system, the keychain
 * or the bundle crypto with anything else. Kept apart from contract.ts so that the sandboxed preload,
 * which needs only the channel list, does not carry the schema library.
 */

/** A large-file handle: 16 random bytes in hex, made by main (large-files.ts). */
export const FILE_HANDLE_PATTERN = /^[0-9a-f]{32}$/;
/** The longest secret the keychain seals: an age identity file with its signing key, with room to spare. */
export const MAX_SECRET_CHARS = 16 * 1024;

/** The report page's address fragment: `#report?` and URL-encoded query characters, nothing that could leave the page. */
export const REPORT_HASH_PATTERN = /^#report\?[A-Za-z0-9%._~:=&,+-]+$/;

const MAX_EXTENSIONS = 16;
const fileHandle = z.string().regex(FILE_HANDLE_PATTERN);
const suggestedName = z.string().refine(isPlainFileName);
const openFileRequest = z.strictObject({ extensions: z.array(z.string().regex(/^[A-Za-z0-9]{1,16}$/)).max(MAX_EXTENSIONS) });
const recipient = z.string().regex(/^age1[0-9a-z]{20,200}$/);
const passphrase = z.string().min(1).max(1024);

export const ARGUMENT_SCHEMAS: { [C in IpcChannel]: z.ZodType<IpcArgument<C>> } = {
  'app:info': z.undefined(),
  'app:set-menu-language': z.enum(MENU_LANGUAGES),
  'file:save': z.strictObject({ suggestedName, bytes: z.instanceof(Uint8Array) }),
  // Only the report page's own address fragment: main loads it on the app's origin, nothing else.
  'report:print': z.strictObject({ hash: z.string().max(1_000_000).regex(REPORT_HASH_PATTERN), suggestedName }),
  'file:open': openFileRequest,
  'file:open-large': openFileRequest,
  'file:read': z.strictObject({
    handle: fileHandle,
    offset: z.int().min(0).max(MAX_LARGE_FILE_BYTES),
    length: z.int().min(1).max(MAX_BRIDGE_CHUNK_BYTES),
  }),
  'file:close': z.strictObject({ handle: fileHandle }),
  'file:save-large-start': z.strictObject({ suggestedName }),
  'file:save-large-write': z.strictObject({
    handle: fileHandle,
    bytes: z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength >= 1 && bytes.byteLength <= MAX_BRIDGE_CHUNK_BYTES),
  }),
  'file:save-large-finish': z.strictObject({ handle: fileHandle, commit: z.boolean() }),
  'keys:seal': z.string().min(1).max(MAX_SECRET_CHARS),
  'keys:unseal': z.instanceof(Uint8Array).refine((bytes) => bytes.byteLength > 0 && bytes.byteLength <= 4 * MAX_SECRET_CHARS),
  'file:save-sealed-start': z.strictObject({
    suggestedName,
    encryption: z.union([
      z.strictObject({ mode: z.literal('recipients'), recipients: z.array(recipient).min(1).max(64) }),
      z.strictObject({ mode: z.literal('passphrase'), passphrase }),
    ]),
  }),
  'file:unseal': z.strictObject({
    handle: fileHandle,
    key: z.union([z.strictObject({ identity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]{20,200}$/) }), z.strictObject({ passphrase })]),
  }),
};

export type ArgumentCheck<C extends IpcChannel> = { ok: true; value: IpcArgument<C> } | { ok: false; error: BridgeErrorCode };

/** Checks what the renderer sent on `channel`: at most one argument, of the contract's shape, and file bytes within the bridge's limit. */
export function checkArguments<C extends IpcChannel>(channel: C, args: readonly unknown[]): ArgumentCheck<C> {
  if (args.length > 1) return { ok: false, error: 'invalid_argument' };
  const parsed = ARGUMENT_SCHEMAS[channel].safeParse(args[0]);
  if (!parsed.success) return { ok: false, error: 'invalid_argument' };
  const value = parsed.data as IpcArgument<C>;
  if (channel === 'file:save' && (value as IpcArgument<'file:save'>).bytes.byteLength > MAX_BRIDGE_FILE_BYTES) {
    return { ok: false, error: 'file_too_large' };
  }
  return { ok: true, value };
}
