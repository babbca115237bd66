import { describe, expect, it } from 'vitest';
import { createVault, newCaseKey } from './keys';
import { readPassphraseSlot, readWrappedCaseKey } from './stored-keys';

const FAST = { memoryKiB: 64, iterations: 1 };

describe('reading stored keys back', () => {
  it('accepts what createVault and newCaseKey make', async () => {
    const { vaultKey, slot } = await createVault('una frase de paso bastante larga', FAST);
    expect(readPassphraseSlot(structuredClone(slot))).toEqual(slot);
    const { wrapped } = newCaseKey(vaultKey, 'case-1');
    expect(readWrappedCaseKey(structuredClone(wrapped))).toEqual(wrapped);
  });

  it('refuses other shapes, out-of-bounds parameters and wrong lengths as "none", not a crash', async () => {
    const { vaultKey, slot } = await createVault('una frase de paso bastante larga', FAST);
    for (const value of [
      undefined,
      null,
      'slot',
      { ...slot, kind: 'keychain' },
      { ...slot, format: 2 },
      { ...slot, extra: true },
      { ...slot, kdf: { ...slot.kdf, memoryKiB: 8 * 1024 * 1024 } },
      { ...slot, kdf: { ...slot.kdf, salt: new Uint8Array(8) } },
      { ...slot, wrappedKey: slot.wrappedKey.subarray(1) },
      { ...slot, wrappedKey: Array.from(slot.wrappedKey) },
    ]) {
      expect(readPassphraseSlot(value)).toBeNull();
    }
    const { wrapped } = newCaseKey(vaultKey, 'case-1');
    expect(readWrappedCaseKey({ ...wrapped, caseId: '' })).toBeNull();
    expect(readWrappedCaseKey({ ...wrapped, wrappedKey: new Uint8Array(10) })).toBeNull();
  });
});
