import { armor, Encrypter } from 'age-encryption';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base32 } from '@scure/base';
import { AGE_RECIPIENT_PATTERN } from '../identity/contact-card';
import { canonicalJson } from '../json';
import { aadOf, KEY_BYTES, openBytes, sealBytes } from './aead';
import { KEY_FORMAT } from './keys';
import { randomBytes } from './random';

/**
 * The unit's recovery slot (docs/security.md, "Recovery by the unit"): a way back in for an analyst
 * who forgot the passphrase, that needs the unit's recovery key, which is kept offline and never on
 * the workstation.
 *
 *   recovery code (random, 160 bits) ─HKDF→ recovery key ─wraps→ vault key
 *   recovery code ─age, to the unit's recipient→ recovery request
 *
 * The workstation keeps both. When the passphrase is forgotten, the analyst hands the request (a
 * small age file, safe to carry: only the unit's key opens it) to the unit's recovery officer, whose
 * offline machine opens it with `vigia recover` — or plain `age -d` — and reads out the code. Typed on
 * the lock screen, the code unwraps the vault key and a new passphrase is set at once; the slot is
 * then remade with a new code, so a code read out once opens nothing afterwards.
 */

/** 20 bytes: 32 characters of base32, read out in eight groups of four. */
export const RECOVERY_CODE_BYTES = 20;

export interface RecoverySlot {
  readonly kind: 'recovery';
  readonly format: typeof KEY_FORMAT;
  /** The unit's age recipient (`age1…`, X25519: the transfer station's age 1.1 opens it too). */
  readonly recipient: string;
  /** The age file holding the code, encrypted to `recipient`. */
  readonly request: Uint8Array;
  /** nonce ‖ XChaCha20-Poly1305(vault key) ‖ tag, under the key derived from the code. */
  readonly wrappedKey: Uint8Array;
  /** When the slot was made (ms since 1970): shown in the settings, bound into the wrap. */
  readonly madeAt: number;
}

/** The code does not unwrap the vault key: mistyped, or the code of an earlier slot. */
export class WrongRecoveryCodeError extends Error {
  constructor() {
    super('vault_wrong_recovery_code');
    this.name = 'WrongRecoveryCodeError';
  }
}

/** True for an age X25519 recipient, the only kind the transfer station's age reads. */
export function isRecoveryRecipient(text: string): boolean {
  return AGE_RECIPIENT_PATTERN.test(text);
}

/** A new slot for the vault key: a fresh code, wrapped and sent to the unit's recipient. */
export async function makeRecoverySlot(vaultKey: Uint8Array, recipient: string, madeAt: number): Promise<RecoverySlot> {
  if (!isRecoveryRecipient(recipient)) throw new Error('vault_recovery_recipient_invalid');
  const code = randomBytes(RECOVERY_CODE_BYTES);
  const encrypter = new Encrypter();
  encrypter.addRecipient(recipient);
  const request = await encrypter.encrypt(requestText(formatRecoveryCode(code), madeAt));
  const recoveryKey = recoveryKeyOf(code);
  const wrappedKey = sealBytes(recoveryKey, vaultKey, recoverySlotAad(recipient, madeAt));
  recoveryKey.fill(0);
  code.fill(0);
  return { kind: 'recovery', format: KEY_FORMAT, recipient, request, wrappedKey, madeAt };
}

/** The vault key, or WrongRecoveryCodeError (also for text that is not a code at all). */
export function openRecoverySlot(slot: RecoverySlot, typedCode: string): Uint8Array {
  const code = parseRecoveryCode(typedCode);
  if (!code || slot.kind !== 'recovery' || slot.format !== KEY_FORMAT) throw new WrongRecoveryCodeError();
  const recoveryKey = recoveryKeyOf(code);
  const vaultKey = openBytes(recoveryKey, slot.wrappedKey, recoverySlotAad(slot.recipient, slot.madeAt));
  recoveryKey.fill(0);
  if (!vaultKey || vaultKey.length !== KEY_BYTES) throw new WrongRecoveryCodeError();
  return vaultKey;
}

/** The request as text to carry or paste (age's ASCII armor; `age -d` reads it as is). */
export function recoveryRequestArmor(slot: RecoverySlot): string {
  return armor.encode(slot.request);
}

/** `ABCD-EFGH-…`: the form the officer reads out and the analyst types. */
export function formatRecoveryCode(code: Uint8Array): string {
  return base32.encode(code).match(/.{4}/g)!.join('-');
}

/**
 * The code's bytes from what was typed: case, spaces and dashes do not matter, and the digits people
 * type for the letters base32 leaves out (0 for O, 1 for I, 8 for B) are read as those letters.
 */
export function parseRecoveryCode(typed: string): Uint8Array | null {
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/0/g, 'O').replace(/1/g, 'I').replace(/8/g, 'B');
  if (!/^[A-Z2-7]{32}$/.test(text)) return null;
  return base32.decode(text);
}

const REQUEST_TITLE = 'Vigía recovery request, format 1';
const REQUEST_PATTERN = new RegExp(`^${REQUEST_TITLE}\\nmade: (\\S+)\\nrecovery code: ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){7})\\n$`);

/**
 * What the unit's key opens: a few lines a person can read straight from `age -d`, and the CLI parses.
 */
function requestText(code: string, madeAt: number): Uint8Array {
  return new TextEncoder().encode(`${REQUEST_TITLE}\nmade: ${new Date(madeAt).toISOString()}\nrecovery code: ${code}\n`);
}

/** The code and date inside an opened request, or null when the text is not one. */
export function readRecoveryRequest(plaintext: Uint8Array): { code: string; madeAt: string } | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(plaintext);
  } catch {
    return null;
  }
  const match = REQUEST_PATTERN.exec(text);
  return match ? { madeAt: match[1]!, code: match[2]! } : null;
}

function recoveryKeyOf(code: Uint8Array): Uint8Array {
  return hkdf(sha256, code, undefined, new TextEncoder().encode('vigia.recovery-key.v1'), KEY_BYTES);
}

// Bound to the recipient and the date, so a slot whose recipient was edited (to make it look like
// another unit's) fails as a whole.
function recoverySlotAad(recipient: string, madeAt: number): Uint8Array {
  return aadOf(canonicalJson({ purpose: 'vigia.vault-key', slot: 'recovery', format: KEY_FORMAT, recipient, madeAt }));
}
