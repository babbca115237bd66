import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { generateDemoCase } from '../../../shared/demo';
import { Decrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import {
  changePassphrase,
  createVault,
  PassphraseRejectedError,
  readRecoveryRequest,
  unlockVault,
  VAULT_KDF_COST,
  wrapVaultKey,
  WrongPassphraseError,
  type KdfCost,
} from '../../../shared/vault';
import type { VaultKdfAnswer, VaultKdfRequest } from '../../workers/vault-kdf-protocol';
import { VigiaDatabase } from '../database';
import { importSnapshot } from '../import-snapshot';
import { LockStore } from './lock-store';
import { RESEALED } from './reseal-old-rows';
import {
  changeWorkstationPassphrase,
  enableKeychainUnlock,
  KEYCHAIN_GRACE_MS,
  keychainAvailability,
  openWorkstationDatabase,
  recoverWorkstation,
  recoveryRequest,
  recoveryState,
  removeRecovery,
  setUpRecovery,
  setUpVault,
  unlockWithKeychain,
  unlockWorkstation,
  vaultStart,
  type KeychainBridge,
} from './workstation-vault';

// Small enough to run in milliseconds; the app's worker uses VAULT_KDF_COST.
const CHEAP: KdfCost = { memoryKiB: 64, iterations: 1 };
const PASSPHRASE = 'cuatro palabras al azar bastan';

/** The vault worker's work, run in the test's thread; `wrapCost` is what the worker wraps at. */
function runAt(wrapCost: KdfCost) {
  return async (request: VaultKdfRequest): Promise<VaultKdfAnswer> => {
    try {
      if (request.type === 'create') return { type: 'created', ...(await createVault(request.passphrase, CHEAP)) };
      if (request.type === 'unlock') return { type: 'unlocked', vaultKey: await unlockVault(request.passphrase, request.slot) };
      if (request.type === 'wrap') return { type: 'wrapped', slot: await wrapVaultKey(request.vaultKey, request.passphrase, wrapCost) };
      return { type: 'changed', slot: await changePassphrase(request.slot, request.current, request.next, CHEAP) };
    } catch (error) {
      if (error instanceof WrongPassphraseError) return { type: 'wrong_passphrase' };
      if (error instanceof PassphraseRejectedError) return { type: 'rejected', problem: error.problem };
      throw error;
    }
  };
}
const run = runAt(CHEAP);

const names = () => ({ lock: `lock-${crypto.randomUUID()}`, sealed: `sealed-${crypto.randomUUID()}`, plain: `plain-${crypto.randomUUID()}` });

describe('the workstation’s vault', () => {
  it('is set up once, then unlocks with the passphrase only, and a changed passphrase opens the same key', async () => {
    const n = names();
    const lock = new LockStore(n.lock);
    expect(await vaultStart(lock, n.plain)).toEqual({ kind: 'new', plainCases: false });
    expect(await setUpVault(lock, 'corta', run)).toEqual({ ok: false, reason: 'rejected', problem: 'too_short' });
    expect(await lock.resealedTo()).toEqual({ format: 0, pass: 0 });
    const made = await setUpVault(lock, PASSPHRASE, run);
    if (!made.ok) throw new Error('setup failed');
    // A new vault holds no row of an older record format: nothing to look for after unlock (resealOldRows).
    expect(await lock.resealedTo()).toEqual(RESEALED);
    expect(await vaultStart(lock, n.plain)).toEqual({ kind: 'locked' });
    expect(await setUpVault(lock, 'otra frase bastante larga', run)).toMatchObject({ ok: false });

    const opened = await unlockWorkstation(lock, PASSPHRASE, run);
    expect(opened.ok && opened.vaultKey).toEqual(made.vaultKey);
    // "é" typed as one key or as e + accent is the same passphrase.
    expect(await changeWorkstationPassphrase(lock, PASSPHRASE, 'caf\u00e9 con leche y media tostada', run)).toEqual({ ok: true });
    const again = await unlockWorkstation(lock, 'cafe\u0301 con leche y media tostada', run);
    expect(again.ok && again.vaultKey).toEqual(made.vaultKey);
    expect(await unlockWorkstation(lock, PASSPHRASE, run)).toMatchObject({ ok: false, reason: 'wrong_passphrase' });
    lock.close();
  });

  it('makes wrong passphrases wait longer and longer, and the wait survives a restart', async () => {
    const n = names();
    let now = 1_000_000;
    const clock = () => now;
    const lock = new LockStore(n.lock);
    await setUpVault(lock, PASSPHRASE, run);
    for (let i = 0; i < 3; i++) expect(await unlockWorkstation(lock, 'no es la frase de paso', run, clock)).toMatchObject({ ok: false, reason: 'wrong_passphrase' });
    expect(await unlockWorkstation(lock, 'no es la frase de paso', run, clock)).toEqual({ ok: false, reason: 'wait', waitMs: 1000 });
    now += 1000;
    expect(await unlockWorkstation(lock, 'no es la frase de paso', run, clock)).toMatchObject({ ok: false, reason: 'wrong_passphrase', waitMs: 2000 });
    lock.close();

    // Closed and opened again: still four failures, still waiting, even with the right passphrase.
    const reopened = new LockStore(n.lock);
    now += 500;
    expect(await unlockWorkstation(reopened, PASSPHRASE, run, clock)).toEqual({ ok: false, reason: 'wait', waitMs: 1500 });
    now += 1500;
    expect(await unlockWorkstation(reopened, PASSPHRASE, run, clock)).toMatchObject({ ok: true });
    expect(await reopened.attempts()).toEqual({ failures: 0, lastFailureAt: 0 });
    reopened.close();
  });

  it('moves a plain database into the sealed one, resuming after a kill without loss or duplicates, then deletes it', async () => {
    const n = names();
    const plain = new VigiaDatabase(n.plain);
    await plain.open();
    const snapshot = generateDemoCase({ today: '2026-12-05' });
    await importSnapshot(plain, snapshot);
    const counts = Object.fromEntries(await Promise.all(plain.tables.map(async (t) => [t.name, await t.count()] as const)));
    plain.close();

    const lock = new LockStore(n.lock);
    expect(await vaultStart(lock, n.plain)).toEqual({ kind: 'new', plainCases: true });
    const made = await setUpVault(lock, PASSPHRASE, run);
    if (!made.ok) throw new Error('setup failed');
    // Killed in the middle of the persons table (after its first batch).
    let persons = 0;
    const killed = openWorkstationDatabase(made.vaultKey, lock, (step) => {
      if (step.table === 'persons' && step.done > 0 && ++persons === 1) throw new Error('killed');
    }, n);
    await expect(killed).rejects.toThrow('killed');
    expect(await Dexie.exists(n.plain)).toBe(true);
    expect((await lock.moveProgress())?.doneTables.length).toBeGreaterThan(0);

    const steps: string[] = [];
    const db = await openWorkstationDatabase(made.vaultKey, lock, (step) => steps.push(step.table), n);
    expect(steps).not.toContain('cases');
    for (const table of db.tables) if (table.name !== 'caseKeys') expect([table.name, await table.count()]).toEqual([table.name, counts[table.name]]);
    expect((await db.persons.get(snapshot.persons[0]!.id))?.primaryName).toBe(snapshot.persons[0]!.primaryName);
    expect(await Dexie.exists(n.plain)).toBe(false);
    expect(await lock.moveProgress()).toBeNull();
    db.close();
    lock.close();
  });

  it('raises a slot made at a lower Argon2id cost to today’s after an unlock, once', async () => {
    const lock = new LockStore(names().lock);
    const made = await setUpVault(lock, PASSPHRASE, run);
    if (!made.ok) throw new Error('setup failed');
    expect((await lock.passphraseSlot())!.kdf).toMatchObject({ memoryKiB: CHEAP.memoryKiB, iterations: CHEAP.iterations });
    const requests: string[] = [];
    const atToday = runAt(VAULT_KDF_COST);
    const counted = (request: VaultKdfRequest) => (requests.push(request.type), atToday(request));

    const first = await unlockWorkstation(lock, PASSPHRASE, counted);
    expect(first.ok && first.vaultKey).toEqual(made.vaultKey);
    expect((await lock.passphraseSlot())!.kdf).toMatchObject({ memoryKiB: VAULT_KDF_COST.memoryKiB, iterations: VAULT_KDF_COST.iterations });
    const second = await unlockWorkstation(lock, PASSPHRASE, counted);
    expect(second.ok && second.vaultKey).toEqual(made.vaultKey);
    expect(requests).toEqual(['unlock', 'wrap', 'unlock']);
    lock.close();
  }, 30_000);
});

describe('recovery by the unit', () => {
  const NEW_PASSPHRASE = 'la frase nueva tras la recuperación';

  /** What the unit's officer does offline: open the request with the unit's key and read the code. */
  async function codeFromRequest(request: string, unitIdentity: string): Promise<string> {
    const decrypter = new Decrypter();
    decrypter.addIdentity(unitIdentity);
    const opened = readRecoveryRequest(await decrypter.decrypt(armor.decode(request)));
    if (!opened) throw new Error('not a recovery request');
    return opened.code;
  }

  it('opens the vault with the code from the unit, forces a new passphrase, and voids the code it used', async () => {
    const lock = new LockStore(names().lock);
    const made = await setUpVault(lock, PASSPHRASE, run);
    if (!made.ok) throw new Error('setup failed');
    expect(await recoveryRequest(lock)).toBeNull();
    expect(await setUpRecovery(lock, made.vaultKey, 'age1notarecipient')).toEqual({ ok: false, reason: 'invalid_recipient' });
    const unit = await generateX25519Identity();
    const recipient = await identityToRecipient(unit);
    expect(await setUpRecovery(lock, made.vaultKey, ` ${recipient}\n`, 1_700_000_000_000)).toEqual({ ok: true });
    expect(await recoveryState(lock)).toEqual({ recipient, madeAt: 1_700_000_000_000 });

    const request = (await recoveryRequest(lock))!;
    expect(request).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    // The request holds the code only for the unit's key: another key does not open it.
    await expect(codeFromRequest(request, await generateX25519Identity())).rejects.toThrow();
    const code = await codeFromRequest(request, unit);
    expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/);

    // Three wrong passphrases first: the recovery clears the count.
    for (let i = 0; i < 3; i++) await unlockWorkstation(lock, 'no es la frase de paso', run);
    const mistyped = code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A');
    expect(await recoverWorkstation(lock, mistyped, NEW_PASSPHRASE, run)).toEqual({ ok: false, reason: 'wrong_code' });
    expect(await recoverWorkstation(lock, 'not a code', NEW_PASSPHRASE, run)).toEqual({ ok: false, reason: 'wrong_code' });
    expect(await recoverWorkstation(lock, code, 'corta', run)).toEqual({ ok: false, reason: 'rejected', problem: 'too_short' });

    // Typed in lower case, in groups of its own choosing, with a 0 for an O: still the code.
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/o/g, '0');
    const recovered = await recoverWorkstation(lock, typed, NEW_PASSPHRASE, run);
    expect(recovered.ok && recovered.vaultKey).toEqual(made.vaultKey);
    expect(await lock.attempts()).toEqual({ failures: 0, lastFailureAt: 0 });
    expect(await unlockWorkstation(lock, PASSPHRASE, run)).toMatchObject({ ok: false, reason: 'wrong_passphrase' });
    const unlocked = await unlockWorkstation(lock, NEW_PASSPHRASE, run);
    expect(unlocked.ok && unlocked.vaultKey).toEqual(made.vaultKey);

    // The slot was remade for the same unit: the code read out once opens nothing now.
    expect((await recoveryState(lock))?.recipient).toBe(recipient);
    expect(await recoverWorkstation(lock, code, 'y otra frase más para probar', run)).toEqual({ ok: false, reason: 'wrong_code' });
    const nextCode = await codeFromRequest((await recoveryRequest(lock))!, unit);
    expect(nextCode).not.toBe(code);

    await removeRecovery(lock);
    expect(await recoveryState(lock)).toBeNull();
    expect(await recoverWorkstation(lock, nextCode, 'y otra frase más para probar', run)).toEqual({ ok: false, reason: 'failed' });
    lock.close();
  });
});

/** The desktop's keychain as the bridge shows it: a reversible stand-in, under a named backend. */
function fakeKeychain(state: { backend: string; refused?: 'basic_text' | 'unavailable' }): KeychainBridge {
  const flip = (bytes: Uint8Array) => bytes.map((b) => b ^ 0x5a);
  return {
    sealSecret: async (secret) => ({ ok: true, value: state.refused ? { refused: state.refused } : { sealed: flip(new TextEncoder().encode(secret)), backend: state.backend } }),
    unsealSecret: async (sealed) => ({ ok: true, value: state.refused ? { refused: state.refused } : { secret: new TextDecoder().decode(flip(sealed)), backend: state.backend } }),
  };
}

describe('unlocking with the OS keychain', () => {
  it('is refused on Linux’s basic_text, opens the same key for a day after the passphrase, and is set aside when the keychain changes', async () => {
    const lock = new LockStore(names().lock);
    const made = await setUpVault(lock, PASSPHRASE, run);
    if (!made.ok) throw new Error('setup failed');
    const keychain = { backend: 'linux:gnome_libsecret' } as { backend: string; refused?: 'basic_text' };
    const bridge = fakeKeychain(keychain);

    expect(await keychainAvailability(lock, bridge)).toBe('off');
    expect(await keychainAvailability(lock, {})).toBe('no_keychain');
    expect(await enableKeychainUnlock(lock, fakeKeychain({ backend: 'linux:basic_text', refused: 'basic_text' }), made.vaultKey)).toEqual({ ok: false, reason: 'basic_text' });
    expect(await keychainAvailability(lock, bridge)).toBe('off');

    expect(await enableKeychainUnlock(lock, bridge, made.vaultKey)).toEqual({ ok: true });
    const now = Date.now();
    const opened = await unlockWithKeychain(lock, bridge, now);
    expect(opened.ok && opened.vaultKey).toEqual(made.vaultKey);
    // A day after the last passphrase: the passphrase again, and the slot stays for later.
    expect(await keychainAvailability(lock, bridge, now + KEYCHAIN_GRACE_MS + 1)).toBe('passphrase_due');
    expect(await unlockWithKeychain(lock, bridge, now + KEYCHAIN_GRACE_MS + 1)).toEqual({ ok: false, reason: 'keychain_unusable' });
    expect(await keychainAvailability(lock, bridge, now)).toBe('usable');

    // The keychain's backend changed (kwallet now): the slot is ignored and set aside.
    keychain.backend = 'linux:kwallet5';
    expect(await unlockWithKeychain(lock, bridge, now)).toEqual({ ok: false, reason: 'keychain_unusable' });
    expect(await keychainAvailability(lock, bridge, now)).toBe('off');
    lock.close();
  });
});
