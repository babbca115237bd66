import { z } from 'zod';
import { SEAL_OVERHEAD } from './aead';
import { KDF_LIMITS, SALT_BYTES } from './kdf';
import { KEY_FORMAT, type PassphraseSlot, type WrappedCaseKey } from './keys';
import { isRecoveryRecipient, type RecoverySlot } from './recovery';

/**
 * The stored forms of the vault's keys, checked when read back from IndexedDB as every stored value
 * is (renderer/db/settings.ts does the same): a row of another shape is "no slot" or "damaged", never
 * a TypeError deep inside an unlock. Authenticity is the AEAD's job; this only checks shape and bounds.
 */
const bytes = (length?: number) =>
  z.instanceof(Uint8Array).refine((value) => length === undefined || value.length === length, { message: 'length' });

/** A wrapped 32-byte key: nonce ‖ 32 bytes ‖ tag. */
const WRAPPED_KEY_BYTES = 32 + SEAL_OVERHEAD;

const passphraseSlotSchema = z.strictObject({
  kind: z.literal('passphrase'),
  format: z.literal(KEY_FORMAT),
  kdf: z.strictObject({
    algorithm: z.literal('argon2id'),
    version: z.literal(19),
    memoryKiB: z.number().int().min(KDF_LIMITS.memoryKiB.min).max(KDF_LIMITS.memoryKiB.max),
    iterations: z.number().int().min(KDF_LIMITS.iterations.min).max(KDF_LIMITS.iterations.max),
    parallelism: z.literal(1),
    salt: bytes(SALT_BYTES),
  }),
  wrappedKey: bytes(WRAPPED_KEY_BYTES),
});

const wrappedCaseKeySchema = z.strictObject({
  caseId: z.string().min(1),
  format: z.literal(KEY_FORMAT),
  wrappedKey: bytes(WRAPPED_KEY_BYTES),
});

/** The passphrase slot as stored, or null when the value is not one (absent, damaged, or a later format). */
export function readPassphraseSlot(value: unknown): PassphraseSlot | null {
  const parsed = passphraseSlotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** A case's wrapped key as stored, or null when the value is not one. */
export function readWrappedCaseKey(value: unknown): WrappedCaseKey | null {
  const parsed = wrappedCaseKeySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const recoverySlotSchema = z.strictObject({
  kind: z.literal('recovery'),
  format: z.literal(KEY_FORMAT),
  recipient: z.string().refine(isRecoveryRecipient),
  // An age file with one X25519 stanza and a code of a few dozen bytes: well under 1 KiB.
  request: z.instanceof(Uint8Array).refine((value) => value.length > 0 && value.length <= 4096),
  wrappedKey: bytes(WRAPPED_KEY_BYTES),
  madeAt: z.number().int().nonnegative(),
});

/** The recovery slot as stored, or null when the value is not one. */
export function readRecoverySlot(value: unknown): RecoverySlot | null {
  const parsed = recoverySlotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
