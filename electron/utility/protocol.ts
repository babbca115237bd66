import { z } from 'zod';
import type { BundleError } from '../../shared/bundle/errors';
import { MAX_BRIDGE_CHUNK_BYTES, MAX_LARGE_FILE_BYTES, type UnsealProgress } from '../../shared/ipc/contract';

export type { UnsealProgress };

/**
 * Messages between main and the bundle-crypto utility process. Main sends a request with an `id`;
 * the utility answers once with the same `id`. `session` names a seal or an unsealed stage: main uses
 * the large-file handle it belongs to. Every request is validated here, on the utility's side, so a
 * confused sender cannot reach the file system with anything else.
 */
const session = z.string().regex(/^[0-9a-f]{32}$/);
const path = z.string().min(1).max(4096);
const recipient = z.string().regex(/^age1[0-9a-z]{20,200}$/);
const passphrase = z.string().min(1).max(1024);

export const bundleEncryptionSchema = z.union([
  z.strictObject({ mode: z.literal('recipients'), recipients: z.array(recipient).min(1).max(64) }),
  // workFactor: tests only (scrypt's log2 N); the app always uses age's default.
  z.strictObject({ mode: z.literal('passphrase'), passphrase, workFactor: z.int().min(1).max(22).optional() }),
]);

export const bundleKeySchema = z.union([
  z.strictObject({ identity: z.string().regex(/^AGE-SECRET-KEY-1[0-9A-Z]{20,200}$/) }),
  z.strictObject({ passphrase }),
]);

const requestSchema = z.discriminatedUnion('op', [
  // Is the process up? Main asks before it shows a save dialog, so a failed start falls back before asking anything.
  z.strictObject({ op: z.literal('ping'), id: z.int() }),
  z.strictObject({ op: z.literal('seal-open'), id: z.int(), session, path, encryption: bundleEncryptionSchema }),
  z.strictObject({
    op: z.literal('seal-write'),
    id: z.int(),
    session,
    bytes: z.custom<Uint8Array>((b) => b instanceof Uint8Array).refine((b) => b.byteLength >= 1 && b.byteLength <= MAX_BRIDGE_CHUNK_BYTES),
  }),
  z.strictObject({ op: z.literal('seal-finish'), id: z.int(), session }),
  z.strictObject({ op: z.literal('seal-close'), id: z.int(), session }),
  z.strictObject({ op: z.literal('unseal'), id: z.int(), session, path, key: bundleKeySchema }),
  z.strictObject({
    op: z.literal('stage-read'),
    id: z.int(),
    session,
    offset: z.int().min(0).max(MAX_LARGE_FILE_BYTES),
    length: z.int().min(1).max(MAX_BRIDGE_CHUNK_BYTES),
  }),
  z.strictObject({ op: z.literal('stage-close'), id: z.int(), session }),
]);

export type CryptoRequest = z.infer<typeof requestSchema>;
/** A request as main builds it, before it has an id. */
export type CryptoCall = CryptoRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** What the utility answers: a value, a refusal of the bundle's (unseal), or a failure that is not the bundle's. */
export type CryptoResponse =
  | { id: number; ok: true; value: Uint8Array | { size: number; stageFolder: string } | null }
  | { id: number; ok: false; error: 'invalid_argument' | 'io_error' }
  | { id: number; ok: false; refused: BundleError };

export type CryptoAnswer = CryptoResponse extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Sent by the utility while it unseals, before the answer to the same `id`. Paced (unsealed-stages.ts):
 * at most one per UNSEAL_PROGRESS_BYTES of ciphertext and per UNSEAL_PROGRESS_MS, plus the last.
 */
export interface CryptoProgress {
  id: number;
  progress: UnsealProgress;
}

export const UNSEAL_PROGRESS_BYTES = 4 * 1024 * 1024;
export const UNSEAL_PROGRESS_MS = 100;

const progressSchema = z.strictObject({
  id: z.int().min(1),
  progress: z
    .strictObject({ done: z.int().min(0).max(MAX_LARGE_FILE_BYTES), total: z.int().min(0).max(MAX_LARGE_FILE_BYTES) })
    .refine((p) => p.done <= p.total),
});

/** Main's check of a message that says it is progress: undefined for anything not exactly that shape. */
export function parseCryptoProgress(message: unknown): CryptoProgress | undefined {
  const parsed = progressSchema.safeParse(message);
  return parsed.success ? parsed.data : undefined;
}

/** Whether a message from the utility claims to be progress (then it is never taken for an answer). */
export function isProgressMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'progress' in message;
}

export function parseCryptoRequest(message: unknown): CryptoRequest | { invalid: true; id?: number } {
  const parsed = requestSchema.safeParse(message);
  if (parsed.success) return parsed.data;
  const id = typeof message === 'object' && message !== null && Number.isInteger((message as { id?: unknown }).id) ? (message as { id: number }).id : undefined;
  return id === undefined ? { invalid: true } : { invalid: true, id };
}
