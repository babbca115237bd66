import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import Dexie from 'dexie';
import type { BridgeResult, KeychainRefusal, SealedSecret, UnsealedSecret } from '../../../shared/ipc/contract';
import {
  afterFailure,
  isBelowCost,
  isRecoveryRecipient,
  makeRecoverySlot,
  NO_FAILURES,
  openRecoverySlot,
  recoveryRequestArmor,
  waitBeforeAttempt,
  type PassphraseProblem,
  type PassphraseSlot,
} from '../../../shared/vault';
import type { VaultKdfAnswer, VaultKdfRequest } from '../../workers/vault-kdf-protocol';
import { DEFAULT_DATABASE_NAME, openVigiaDatabase, PLAIN_DATABASE_NAME, type VigiaDatabase } from '../database';
import type { LockStore } from './lock-store';
import { movePlainDatabase, type MoveStep } from './move-plain-database';
import { RESEALED } from './reseal-old-rows';

/** Runs the passphrase work (Argon2id): a worker in the app, the function itself in tests. */
export type KdfRunner = (request: VaultKdfRequest) => Promise<VaultKdfAnswer>;

/** What the lock screen opens on: the first setup (saying whether plain cases will be moved), or the unlock. */
export type VaultStart = { kind: 'new'; plainCases: boolean } | { kind: 'locked' };

export type VaultOutcome =
  | { ok: true; vaultKey: Uint8Array }
  | { ok: false; reason: 'wrong_passphrase' | 'wait'; waitMs: number }
  | { ok: false; reason: 'rejected'; problem: PassphraseProblem }
  | { ok: false; reason: 'failed' };

export async function vaultStart(lock: LockStore, plainName: string = PLAIN_DATABASE_NAME): Promise<VaultStart> {
  if (await lock.passphraseSlot()) return { kind: 'locked' };
  return { kind: 'new', plainCases: await Dexie.exists(plainName) };
}

/** First setup: a new vault key under the passphrase (checked by the rules), stored before it is used. */
export async function setUpVault(lock: LockStore, passphrase: string, run: KdfRunner): Promise<VaultOutcome> {
  // One vault per workstation: a second setup would orphan the cases sealed under the first.
  if (await lock.passphraseSlot()) return { ok: false, reason: 'failed' };
  const answer = await run({ type: 'create', passphrase });
  if (answer.type === 'rejected') return { ok: false, reason: 'rejected', problem: answer.problem };
  if (answer.type !== 'created') return { ok: false, reason: 'failed' };
  await lock.putPassphraseSlot(answer.slot);
  await lock.putAttempts(NO_FAILURES);
  await lock.putPassphraseUsedAt(Date.now());
  // Every row of this vault is written by this build: none of an older record format to look for.
  await lock.putResealedTo(RESEALED);
  return { ok: true, vaultKey: answer.vaultKey };
}

/**
 * Unlocks with the passphrase, after the wait earlier failures impose (kept across restarts). A wrong
 * passphrase is counted before the answer is shown, so closing the window does not undo it.
 */
export async function unlockWorkstation(lock: LockStore, passphrase: string, run: KdfRunner, now: () => number = Date.now): Promise<VaultOutcome> {
  const attempts = await lock.attempts();
  const wait = waitBeforeAttempt(attempts, now());
  if (wait > 0) return { ok: false, reason: 'wait', waitMs: wait };
  const slot = await lock.passphraseSlot();
  if (!slot) return { ok: false, reason: 'failed' };
  const answer = await run({ type: 'unlock', passphrase, slot });
  if (answer.type === 'unlocked') {
    if (attempts.failures > 0) await lock.putAttempts(NO_FAILURES);
    await lock.putPassphraseUsedAt(now());
    await raiseSlotCost(lock, slot, answer.vaultKey, passphrase, run);
    return { ok: true, vaultKey: answer.vaultKey };
  }
  if (answer.type !== 'wrong_passphrase') return { ok: false, reason: 'failed' };
  const failed = afterFailure(attempts, now());
  await lock.putAttempts(failed);
  return { ok: false, reason: 'wrong_passphrase', waitMs: waitBeforeAttempt(failed, now()) };
}

/**
 * A slot made at a lower Argon2id cost than today's (an older release, or a cost raised since) is
 * re-wrapped at today's cost now that the passphrase is known: one more KDF run, once. A failure here
 * leaves the old slot, which still unlocks.
 */
async function raiseSlotCost(lock: LockStore, slot: PassphraseSlot, vaultKey: Uint8Array, passphrase: string, run: KdfRunner): Promise<void> {
  if (!isBelowCost(slot.kdf)) return;
  const answer = await run({ type: 'wrap', vaultKey, passphrase }).catch(() => undefined);
  if (answer?.type === 'wrapped') await lock.putPassphraseSlot(answer.slot);
}

/** A new passphrase: the same vault key re-wrapped (nothing of the cases is re-encrypted). */
export async function changeWorkstationPassphrase(lock: LockStore, current: string, next: string, run: KdfRunner): Promise<{ ok: true } | Exclude<VaultOutcome, { ok: true }>> {
  const slot = await lock.passphraseSlot();
  if (!slot) return { ok: false, reason: 'failed' };
  const answer = await run({ type: 'change', slot, current, next });
  if (answer.type === 'rejected') return { ok: false, reason: 'rejected', problem: answer.problem };
  if (answer.type === 'wrong_passphrase') return { ok: false, reason: 'wrong_passphrase', waitMs: 0 };
  if (answer.type !== 'changed') return { ok: false, reason: 'failed' };
  await lock.putPassphraseSlot(answer.slot);
  return { ok: true };
}

/**
 * The workstation's sealed database, once a plain one left from before (issue 16) has been moved into
 * it (resumed if an earlier move was cut short).
 */
export async function openWorkstationDatabase(vaultKey: Uint8Array, lock: LockStore, progress: (step: MoveStep) => void, names = { sealed: DEFAULT_DATABASE_NAME, plain: PLAIN_DATABASE_NAME }): Promise<VigiaDatabase> {
  // The window's own database: a damaged record is left out of lists and named, not a failed screen.
  const db = await openVigiaDatabase({ name: names.sealed, vaultKey }, { damagedRecords: 'report' });
  try {
    await movePlainDatabase(names.plain, db, lock, progress);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export type { MoveStep };

/** The part of the platform bridge the keychain slot uses (Electron's; absent in browser mode). */
export interface KeychainBridge {
  sealSecret?(secret: string): Promise<BridgeResult<SealedSecret>>;
  unsealSecret?(sealed: Uint8Array): Promise<BridgeResult<UnsealedSecret>>;
}

/** The keychain may open the vault for a day after the passphrase last did (issue 16). */
export const KEYCHAIN_GRACE_MS = 24 * 60 * 60_000;

export type KeychainAvailability = 'usable' | 'off' | 'passphrase_due' | 'no_keychain';

/** Whether the lock screen may offer the keychain now. */
export async function keychainAvailability(lock: LockStore, bridge: KeychainBridge, now: number = Date.now()): Promise<KeychainAvailability> {
  if (!bridge.unsealSecret) return 'no_keychain';
  if (!(await lock.keychainSlot())) return 'off';
  return now - (await lock.passphraseUsedAt()) < KEYCHAIN_GRACE_MS ? 'usable' : 'passphrase_due';
}

/**
 * Turns the keychain slot on: the vault key sealed by the OS keychain. Refused, with the reason, on
 * Linux's `basic_text` (a hard-coded password, no keychain at all) or with no keychain.
 */
export async function enableKeychainUnlock(lock: LockStore, bridge: KeychainBridge, vaultKey: Uint8Array): Promise<{ ok: true } | { ok: false; reason: KeychainRefusal | 'failed' }> {
  if (!bridge.sealSecret) return { ok: false, reason: 'unavailable' };
  const result = await bridge.sealSecret(bytesToHex(vaultKey));
  if (!result.ok) return { ok: false, reason: 'failed' };
  if ('refused' in result.value) return { ok: false, reason: result.value.refused };
  await lock.putKeychainSlot({ sealed: result.value.sealed, backend: result.value.backend });
  return { ok: true };
}

export async function disableKeychainUnlock(lock: LockStore): Promise<void> {
  await lock.putKeychainSlot(null);
}

/**
 * Unlocks with the keychain slot, when it may: within a day of the last passphrase unlock, by the same
 * keychain that sealed it. A slot from another keychain (the backend changed), or one that no longer
 * opens, is set aside: the passphrase is asked, and the analyst can turn the keychain on again.
 */
export async function unlockWithKeychain(lock: LockStore, bridge: KeychainBridge, now: number = Date.now()): Promise<VaultOutcome | { ok: false; reason: 'keychain_unusable' }> {
  if ((await keychainAvailability(lock, bridge, now)) !== 'usable') return { ok: false, reason: 'keychain_unusable' };
  const slot = (await lock.keychainSlot())!;
  const result = await bridge.unsealSecret!(slot.sealed);
  const opened = result.ok && 'secret' in result.value && result.value.backend === slot.backend ? result.value.secret : undefined;
  const vaultKey = opened && /^[0-9a-f]{64}$/.test(opened) ? hexToBytes(opened) : undefined;
  if (!vaultKey) {
    await lock.putKeychainSlot(null);
    return { ok: false, reason: 'keychain_unusable' };
  }
  return { ok: true, vaultKey };
}

/** Whether the unit can recover this workstation, and since when (the settings show it). */
export async function recoveryState(lock: LockStore): Promise<{ recipient: string; madeAt: number } | null> {
  const slot = await lock.recoverySlot();
  return slot && { recipient: slot.recipient, madeAt: slot.madeAt };
}

/** Turns recovery by the unit on (or moves it to another recipient): a new slot replaces any earlier one. */
export async function setUpRecovery(lock: LockStore, vaultKey: Uint8Array, recipient: string, now: number = Date.now()): Promise<{ ok: true } | { ok: false; reason: 'invalid_recipient' | 'failed' }> {
  const trimmed = recipient.trim();
  if (!isRecoveryRecipient(trimmed)) return { ok: false, reason: 'invalid_recipient' };
  const slot = await makeRecoverySlot(vaultKey, trimmed, now).catch(() => undefined);
  if (!slot) return { ok: false, reason: 'failed' };
  await lock.putRecoverySlot(slot);
  return { ok: true };
}

export async function removeRecovery(lock: LockStore): Promise<void> {
  await lock.putRecoverySlot(null);
}

/** The request the analyst takes to the unit (age armor), or null without a recovery slot. */
export async function recoveryRequest(lock: LockStore): Promise<string | null> {
  const slot = await lock.recoverySlot();
  return slot && recoveryRequestArmor(slot);
}

export type RecoveryOutcome = VaultOutcome | { ok: false; reason: 'wrong_code' };

/**
 * Opens the vault with the code the unit read out of the request, and sets the new passphrase the
 * analyst chose, which a recovery always requires. The slot is then remade with a new code, so the
 * code read out opens nothing afterwards. A wrong code is not throttled: 160 random bits are not
 * guessed at a keyboard, and a typo must not count against the passphrase's attempts.
 */
export async function recoverWorkstation(lock: LockStore, code: string, nextPassphrase: string, run: KdfRunner, now: () => number = Date.now): Promise<RecoveryOutcome> {
  const slot = await lock.recoverySlot();
  if (!slot) return { ok: false, reason: 'failed' };
  let vaultKey: Uint8Array;
  try {
    vaultKey = openRecoverySlot(slot, code);
  } catch {
    return { ok: false, reason: 'wrong_code' };
  }
  const answer = await run({ type: 'wrap', vaultKey, passphrase: nextPassphrase });
  if (answer.type === 'rejected') return { ok: false, reason: 'rejected', problem: answer.problem };
  if (answer.type !== 'wrapped') return { ok: false, reason: 'failed' };
  await lock.putPassphraseSlot(answer.slot);
  await lock.putAttempts(NO_FAILURES);
  await lock.putPassphraseUsedAt(now());
  // If this fails the old slot stays: the workstation is open and the analyst can set recovery again.
  const renewed = await makeRecoverySlot(vaultKey, slot.recipient, now()).catch(() => undefined);
  if (renewed) await lock.putRecoverySlot(renewed);
  return { ok: true, vaultKey };
}
