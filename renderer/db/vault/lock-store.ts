import Dexie, { type Table } from 'dexie';
import { NO_FAILURES, readPassphraseSlot, readRecoverySlot, type FailedAttempts, type PassphraseSlot, type RecoverySlot } from '../../../shared/vault';

/**
 * What the lock screen needs before anything is unlocked, in a small database of its own: the
 * passphrase slot (the vault key wrapped under the passphrase), the keychain and recovery slots, the
 * count of wrong passphrases, how far the move of a plain database into the sealed one got, whether
 * rows of an older record format are left, and the lock screen's language. Nothing here reveals the case: the slots are ciphertext (and the unit's
 * public recipient), the rest are counts, dates, table names and a language code.
 */
export const LOCK_DATABASE_NAME = 'vigia-lock';

interface LockRow {
  id: 'passphrase' | 'attempts' | 'move' | 'locale' | 'keychain' | 'passphraseUsedAt' | 'recovery' | 'resealed';
  value: unknown;
}

/** The record format every row was last found written in, and which build of the re-sealing pass found it so. */
export interface ResealMark {
  readonly format: number;
  readonly pass: number;
}

/** The vault key sealed by the OS keychain (Electron's safeStorage), with the keychain's name. */
export interface KeychainSlot {
  readonly sealed: Uint8Array;
  readonly backend: string;
}

/** How far the move of the plain database got: the tables already copied whole. */
export interface MoveProgress {
  readonly doneTables: readonly string[];
}

let workstationLock: LockStore | undefined;

/** The workstation's lock store, one per window. */
export function workstationLockStore(): LockStore {
  workstationLock ??= new LockStore();
  return workstationLock;
}

export class LockStore {
  private readonly db: Dexie;
  private readonly rows: Table<LockRow, LockRow['id']>;

  constructor(name: string = LOCK_DATABASE_NAME) {
    this.db = new Dexie(name);
    this.db.version(1).stores({ rows: 'id' });
    this.rows = this.db.table('rows');
  }

  /** The passphrase slot, or null when the vault was never set up (or the row is not a slot). */
  async passphraseSlot(): Promise<PassphraseSlot | null> {
    return readPassphraseSlot((await this.rows.get('passphrase'))?.value);
  }

  /** Stores the slot (first setup, a passphrase change, a raised KDF cost): one row replaced at once. */
  async putPassphraseSlot(slot: PassphraseSlot): Promise<void> {
    await this.rows.put({ id: 'passphrase', value: slot });
  }

  async attempts(): Promise<FailedAttempts> {
    const value = (await this.rows.get('attempts'))?.value as Partial<FailedAttempts> | undefined;
    const failures = value?.failures;
    const lastFailureAt = value?.lastFailureAt;
    // A damaged row must not reset the count to zero: it reads as many failures just now.
    if (value === undefined) return NO_FAILURES;
    if (!Number.isSafeInteger(failures) || failures! < 0 || typeof lastFailureAt !== 'number' || !Number.isFinite(lastFailureAt)) return { failures: 20, lastFailureAt: Date.now() };
    return { failures: failures!, lastFailureAt };
  }

  async putAttempts(attempts: FailedAttempts): Promise<void> {
    await this.rows.put({ id: 'attempts', value: attempts });
  }

  async moveProgress(): Promise<MoveProgress | null> {
    const value = (await this.rows.get('move'))?.value as Partial<MoveProgress> | undefined;
    return value && Array.isArray(value.doneTables) ? { doneTables: value.doneTables.filter((t): t is string => typeof t === 'string') } : null;
  }

  async putMoveProgress(progress: MoveProgress | null): Promise<void> {
    if (progress) await this.rows.put({ id: 'move', value: progress });
    else await this.rows.delete('move');
  }

  /** How far the re-sealing of old rows has got (resealOldRows): nothing checked yet is `{ format: 0, pass: 0 }`. */
  async resealedTo(): Promise<ResealMark> {
    const value = (await this.rows.get('resealed'))?.value as Partial<ResealMark> | number | undefined;
    // A bare number: the record format, written by the pass's first build (pass 1).
    if (typeof value === 'number') return { format: value, pass: 1 };
    return typeof value?.format === 'number' && typeof value.pass === 'number' ? { format: value.format, pass: value.pass } : { format: 0, pass: 0 };
  }

  async putResealedTo(mark: ResealMark): Promise<void> {
    await this.rows.put({ id: 'resealed', value: { format: mark.format, pass: mark.pass } });
  }

  /** The keychain slot: the vault key as the OS keychain sealed it, and which keychain that was. */
  async keychainSlot(): Promise<KeychainSlot | null> {
    const value = (await this.rows.get('keychain'))?.value as Partial<KeychainSlot> | undefined;
    return value && value.sealed instanceof Uint8Array && value.sealed.length > 0 && typeof value.backend === 'string' ? { sealed: value.sealed, backend: value.backend } : null;
  }

  async putKeychainSlot(slot: KeychainSlot | null): Promise<void> {
    if (slot) await this.rows.put({ id: 'keychain', value: slot });
    else await this.rows.delete('keychain');
  }

  /** The unit's recovery slot, or null when the workstation has none (or the row is not one). */
  async recoverySlot(): Promise<RecoverySlot | null> {
    return readRecoverySlot((await this.rows.get('recovery'))?.value);
  }

  async putRecoverySlot(slot: RecoverySlot | null): Promise<void> {
    if (slot) await this.rows.put({ id: 'recovery', value: slot });
    else await this.rows.delete('recovery');
  }

  /** When the passphrase last unlocked the vault: the keychain may stand in for it for a day only. */
  async passphraseUsedAt(): Promise<number> {
    const value = (await this.rows.get('passphraseUsedAt'))?.value;
    return typeof value === 'number' && Number.isFinite(value) ? value : 0;
  }

  async putPassphraseUsedAt(at: number): Promise<void> {
    await this.rows.put({ id: 'passphraseUsedAt', value: at });
  }

  /** The language the lock screen speaks: the workstation's, remembered here since its settings are sealed. */
  async locale(): Promise<string | undefined> {
    const value = (await this.rows.get('locale'))?.value;
    return typeof value === 'string' ? value : undefined;
  }

  async putLocale(locale: string): Promise<void> {
    await this.rows.put({ id: 'locale', value: locale });
  }

  close(): void {
    this.db.close();
  }
}
