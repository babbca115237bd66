import { describe, expect, it } from 'vitest';
import type { KdfCost } from './kdf';
import { changePassphrase, createVault, DamagedKeyError, newCaseKey, openCaseKey, PassphraseRejectedError, unlockVault, WrongPassphraseError, wrapVaultKey } from './keys';
import { randomBytes } from './random';

// Small enough to run in milliseconds; the real cost is VAULT_KDF_COST.
const FAST: KdfCost = { memoryKiB: 64, iterations: 1 };
const PASSPHRASE = 'el café de la prisión de Córdoba';

describe('the vault key', () => {
  it('is random, 32 bytes, and unwraps with the passphrase it was wrapped under', async () => {
    const { vaultKey, slot } = await createVault(PASSPHRASE, FAST);
    expect(vaultKey).toHaveLength(32);
    expect(slot).toMatchObject({ kind: 'passphrase', format: 1, kdf: { memoryKiB: 64, iterations: 1 } });
    expect(await unlockVault(PASSPHRASE, slot)).toEqual(vaultKey);
    expect((await createVault(PASSPHRASE, FAST)).vaultKey).not.toEqual(vaultKey);
  });

  it('unlocks with é typed as e + combining accent', async () => {
    const { vaultKey, slot } = await createVault(PASSPHRASE, FAST);
    expect(await unlockVault(PASSPHRASE.normalize('NFD'), slot)).toEqual(vaultKey);
  });

  it('refuses a wrong passphrase with a typed error', async () => {
    const { slot } = await createVault(PASSPHRASE, FAST);
    await expect(unlockVault('el cafe de la prision de Cordoba', slot)).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('refuses a slot with a flipped bit or edited parameters as a wrong passphrase, never garbage', async () => {
    const { slot } = await createVault(PASSPHRASE, FAST);
    const flipped = slot.wrappedKey.slice();
    flipped[30]! ^= 0x01;
    await expect(unlockVault(PASSPHRASE, { ...slot, wrappedKey: flipped })).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlockVault(PASSPHRASE, { ...slot, kdf: { ...slot.kdf, iterations: 2 } })).rejects.toBeInstanceOf(WrongPassphraseError);
  });

  it('is not wrapped under a passphrase that breaks the rules', async () => {
    await expect(createVault('muy corta', FAST)).rejects.toMatchObject({ problem: 'too_short' });
    await expect(createVault('correct horse battery staple', FAST)).rejects.toBeInstanceOf(PassphraseRejectedError);
  });
});

describe('changing the passphrase', () => {
  it('re-wraps the same vault key with a new salt; case keys wrapped before still open', async () => {
    const { vaultKey, slot } = await createVault(PASSPHRASE, FAST);
    const { caseKey, wrapped } = newCaseKey(vaultKey, 'case-1');
    const next = await changePassphrase(slot, PASSPHRASE, 'otra frase de paso, bastante más larga', FAST);
    expect(next.kdf.salt).not.toEqual(slot.kdf.salt);
    await expect(unlockVault(PASSPHRASE, next)).rejects.toBeInstanceOf(WrongPassphraseError);
    const unlocked = await unlockVault('otra frase de paso, bastante más larga', next);
    expect(unlocked).toEqual(vaultKey);
    expect(openCaseKey(unlocked, 'case-1', wrapped)).toEqual(caseKey);
  });

  it('needs the current passphrase, and a new one that passes the rules', async () => {
    const { slot } = await createVault(PASSPHRASE, FAST);
    await expect(changePassphrase(slot, 'no es la frase de paso actual', 'otra frase de paso, bastante más larga', FAST)).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(changePassphrase(slot, PASSPHRASE, 'corta', FAST)).rejects.toMatchObject({ problem: 'too_short' });
  });

  it('can raise the KDF cost of a slot once the vault is open', async () => {
    const { vaultKey } = await createVault(PASSPHRASE, FAST);
    const stronger = await wrapVaultKey(vaultKey, PASSPHRASE, { memoryKiB: 128, iterations: 2 });
    expect(stronger.kdf).toMatchObject({ memoryKiB: 128, iterations: 2 });
    expect(await unlockVault(PASSPHRASE, stronger)).toEqual(vaultKey);
  });
});

describe('case keys', () => {
  const vaultKey = randomBytes(32);

  it('are random per case and open with the vault key', () => {
    const one = newCaseKey(vaultKey, 'case-1');
    const two = newCaseKey(vaultKey, 'case-2');
    expect(one.caseKey).toHaveLength(32);
    expect(one.caseKey).not.toEqual(two.caseKey);
    expect(openCaseKey(vaultKey, 'case-1', one.wrapped)).toEqual(one.caseKey);
  });

  it('do not open for another case, with another vault key, or with a bit flipped', () => {
    const { wrapped } = newCaseKey(vaultKey, 'case-1');
    expect(() => openCaseKey(vaultKey, 'case-2', wrapped)).toThrow(DamagedKeyError);
    expect(() => openCaseKey(vaultKey, 'case-2', { ...wrapped, caseId: 'case-2' })).toThrow(expect.objectContaining({ caseId: 'case-2' }));
    expect(() => openCaseKey(randomBytes(32), 'case-1', wrapped)).toThrow(DamagedKeyError);
    const flipped = wrapped.wrappedKey.slice();
    flipped[40]! ^= 0x80;
    expect(() => openCaseKey(vaultKey, 'case-1', { ...wrapped, wrappedKey: flipped })).toThrow(DamagedKeyError);
  });
});
