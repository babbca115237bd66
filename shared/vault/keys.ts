import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../json';
import { aadOf, KEY_BYTES, openBytes, sealBytes } from './aead';
import { checkKdfParams, derivePassphraseKey, newKdfParams, type Argon2idParams, type KdfCost, VAULT_KDF_COST } from './kdf';
import { checkNewPassphrase, type PassphraseProblem } from './passphrase';
import { randomBytes } from './random';

/**
 * The key hierarchy (docs/security.md, "Key hierarchy and algorithms"), as Standard Notes does it:
 *
 *   passphrase ─Argon2id→ passphrase key ─wraps→ vault key ─wraps→ one key per case ─seals→ records
 *
 * The vault key is random and never changes, so changing the passphrase re-wraps 32 bytes and
 * re-encrypts nothing. A case's key is random too: deleting its wrapped copy makes the case's records
 * unreadable, whatever copies of them remain. Every wrap names what it is in its associated data
 * (slot kind, format, and the case it belongs to), so a wrapped key copied elsewhere does not open.
 */

/** The layout of slots and wrapped keys; a new layout gets a new number and keeps reading this one. */
export const KEY_FORMAT = 1;

/**
 * One way to unlock the vault key. `passphrase` is the only kind today; an OS keychain slot or a
 * recovery code would be further kinds wrapping the same vault key, each with its own AAD.
 */
export interface PassphraseSlot {
  readonly kind: 'passphrase';
  readonly format: typeof KEY_FORMAT;
  readonly kdf: Argon2idParams;
  /** nonce ‖ XChaCha20-Poly1305(vault key) ‖ tag */
  readonly wrappedKey: Uint8Array;
}

/** A case's key as stored: wrapped by the vault key, bound to the case's id. */
export interface WrappedCaseKey {
  readonly caseId: string;
  readonly format: typeof KEY_FORMAT;
  readonly wrappedKey: Uint8Array;
}

/** The new passphrase breaks a rule; `problem` is the code the UI translates. */
export class PassphraseRejectedError extends Error {
  constructor(readonly problem: PassphraseProblem) {
    super(`vault_passphrase_${problem}`);
    this.name = 'PassphraseRejectedError';
  }
}

/**
 * The passphrase does not unwrap the vault key. A damaged slot looks the same (authentication cannot
 * tell which), so the UI says "wrong passphrase" and never shows what a failed unwrap produced.
 */
export class WrongPassphraseError extends Error {
  constructor() {
    super('vault_wrong_passphrase');
    this.name = 'WrongPassphraseError';
  }
}

/** A case's wrapped key does not open with the (correct) vault key: damaged, or not this case's. */
export class DamagedKeyError extends Error {
  constructor(readonly caseId: string) {
    super(`vault_damaged_case_key:${caseId}`);
    this.name = 'DamagedKeyError';
  }
}

export interface NewVault {
  readonly vaultKey: Uint8Array;
  readonly slot: PassphraseSlot;
}

/** A new vault: a random vault key, wrapped under a passphrase that passed the rules. */
export async function createVault(passphrase: string, cost: KdfCost = VAULT_KDF_COST): Promise<NewVault> {
  const vaultKey = randomBytes(KEY_BYTES);
  return { vaultKey, slot: await wrapVaultKey(vaultKey, passphrase, cost) };
}

/** The vault key, or WrongPassphraseError. */
export async function unlockVault(passphrase: string, slot: PassphraseSlot): Promise<Uint8Array> {
  if (slot.kind !== 'passphrase' || slot.format !== KEY_FORMAT) throw new WrongPassphraseError();
  const kdf = checkKdfParams(slot.kdf);
  const passphraseKey = await derivePassphraseKey(passphrase, kdf);
  const vaultKey = openBytes(passphraseKey, slot.wrappedKey, passphraseSlotAad(kdf));
  wipe(passphraseKey);
  if (!vaultKey || vaultKey.length !== KEY_BYTES) throw new WrongPassphraseError();
  return vaultKey;
}

/**
 * Wraps the vault key under a (new) passphrase with a fresh salt: a passphrase change, or raising the
 * KDF cost of an old slot after an unlock (kdf.ts `isBelowCost`). Case keys and records are untouched.
 */
export async function wrapVaultKey(vaultKey: Uint8Array, passphrase: string, cost: KdfCost = VAULT_KDF_COST): Promise<PassphraseSlot> {
  const check = checkNewPassphrase(passphrase);
  if (!check.ok) throw new PassphraseRejectedError(check.problem);
  const kdf = newKdfParams(cost);
  const passphraseKey = await derivePassphraseKey(check.passphrase, kdf);
  const wrappedKey = sealBytes(passphraseKey, vaultKey, passphraseSlotAad(kdf));
  wipe(passphraseKey);
  return { kind: 'passphrase', format: KEY_FORMAT, kdf, wrappedKey };
}

/** Proves the current passphrase, then wraps the same vault key under the next one. */
export async function changePassphrase(slot: PassphraseSlot, current: string, next: string, cost: KdfCost = VAULT_KDF_COST): Promise<PassphraseSlot> {
  const check = checkNewPassphrase(next);
  if (!check.ok) throw new PassphraseRejectedError(check.problem);
  const vaultKey = await unlockVault(current, slot);
  try {
    return await wrapVaultKey(vaultKey, next, cost);
  } finally {
    wipe(vaultKey);
  }
}

/** A new random key for a case, and its wrapped form to store. */
export function newCaseKey(vaultKey: Uint8Array, caseId: string): { caseKey: Uint8Array; wrapped: WrappedCaseKey } {
  const caseKey = randomBytes(KEY_BYTES);
  return { caseKey, wrapped: { caseId, format: KEY_FORMAT, wrappedKey: sealBytes(vaultKey, caseKey, caseKeyAad(caseId)) } };
}

/** The case's key, or DamagedKeyError (also when the wrapped key was copied from another case). */
export function openCaseKey(vaultKey: Uint8Array, caseId: string, wrapped: WrappedCaseKey): Uint8Array {
  if (wrapped.format !== KEY_FORMAT || wrapped.caseId !== caseId) throw new DamagedKeyError(caseId);
  const caseKey = openBytes(vaultKey, wrapped.wrappedKey, caseKeyAad(caseId));
  if (!caseKey || caseKey.length !== KEY_BYTES) throw new DamagedKeyError(caseId);
  return caseKey;
}

/**
 * The key that seals the workstation's rows of no case (settings, identity, contacts, bundles without
 * a case): derived from the vault key with HKDF-SHA256 under its own label, so the vault key itself
 * seals nothing but keys, and the derived key needs no storage or wrapping.
 */
export function workstationRecordKey(vaultKey: Uint8Array): Uint8Array {
  return hkdf(sha256, vaultKey, undefined, new TextEncoder().encode('vigia.workstation-records.v1'), KEY_BYTES);
}

/**
 * Overwrites key bytes no longer needed (on lock, after a wrap). JavaScript cannot promise no other
 * copy exists, but a key the vault held should not outlive its use in the arrays it controls.
 */
export function wipe(...keys: Uint8Array[]): void {
  for (const key of keys) key.fill(0);
}

// The associated data: what the wrapped bytes are, so they open only as that. The KDF parameters are
// included so that a header whose parameters were edited fails as a whole rather than half-working.
function passphraseSlotAad(kdf: Argon2idParams): Uint8Array {
  return aadOf(
    canonicalJson({
      purpose: 'vigia.vault-key',
      slot: 'passphrase',
      format: KEY_FORMAT,
      kdf: { algorithm: kdf.algorithm, version: kdf.version, memoryKiB: kdf.memoryKiB, iterations: kdf.iterations, parallelism: kdf.parallelism, salt: bytesToHex(kdf.salt) },
    }),
  );
}

function caseKeyAad(caseId: string): Uint8Array {
  return aadOf(canonicalJson({ purpose: 'vigia.case-key', format: KEY_FORMAT, caseId }));
}
