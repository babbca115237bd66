import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { argon2idRaw, checkKdfParams, derivePassphraseKey, isBelowCost, KdfParamsError, newKdfParams, VAULT_KDF_COST, type Argon2idParams } from './kdf';

// Small enough to run in milliseconds; the real cost is VAULT_KDF_COST.
const FAST = { memoryKiB: 64, iterations: 1 };
const ascii = (text: string) => new TextEncoder().encode(text);

function vectorParams(memoryKiB: number, iterations: number): Argon2idParams {
  return { algorithm: 'argon2id', version: 19, memoryKiB, iterations, parallelism: 1, salt: ascii('somesalt') };
}

describe('argon2id known answers (phc-winner-argon2 src/test.c, Argon2id v1.3, "password" / "somesalt", p=1)', () => {
  it('m = 256 KiB, t = 2', async () => {
    const tag = await argon2idRaw(ascii('password'), vectorParams(256, 2));
    expect(bytesToHex(tag)).toBe('9dfeb910e80bad0311fee20f9c0e2b12c17987b4cac90c2ef54d5b3021c68bfe');
  });

  it('m = 64 MiB, t = 2', async () => {
    const tag = await argon2idRaw(ascii('password'), vectorParams(65536, 2));
    expect(bytesToHex(tag)).toBe('09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7');
  });
});

describe('derivePassphraseKey', () => {
  it('gives 32 bytes, the same for the same passphrase and salt, another for another salt', async () => {
    const params = newKdfParams(FAST);
    const key = await derivePassphraseKey('una frase de paso bastante larga', params);
    expect(key).toHaveLength(32);
    expect(await derivePassphraseKey('una frase de paso bastante larga', params)).toEqual(key);
    expect(await derivePassphraseKey('una frase de paso bastante larga', newKdfParams(FAST))).not.toEqual(key);
    expect(await derivePassphraseKey('una frase de paso bastante largo', params)).not.toEqual(key);
  });

  it('derives the same key from é typed either way', async () => {
    const params = newKdfParams(FAST);
    expect(await derivePassphraseKey('cafe\u0301 solo sin azu\u0301car', params)).toEqual(
      await derivePassphraseKey('caf\u00e9 solo sin az\u00facar', params),
    );
  });

  it('refuses stored parameters out of bounds before doing any work', async () => {
    const good = newKdfParams(FAST);
    const cases: [Argon2idParams, KdfParamsError['reason']][] = [
      [{ ...good, memoryKiB: 4 * 1024 * 1024 }, 'memory'],
      [{ ...good, memoryKiB: 1.5 }, 'memory'],
      [{ ...good, iterations: 0 }, 'iterations'],
      [{ ...good, iterations: 1000 }, 'iterations'],
      [{ ...good, parallelism: 4 as 1 }, 'parallelism'],
      [{ ...good, salt: new Uint8Array(8) }, 'salt'],
      [{ ...good, algorithm: 'argon2i' as 'argon2id' }, 'algorithm'],
    ];
    for (const [params, reason] of cases) {
      expect(() => checkKdfParams(params)).toThrow(expect.objectContaining({ reason }));
      await expect(derivePassphraseKey('una frase de paso bastante larga', params)).rejects.toBeInstanceOf(KdfParamsError);
    }
  });
});

describe('newKdfParams and isBelowCost', () => {
  it('uses today\'s cost with a fresh 16-byte salt each time', () => {
    const a = newKdfParams();
    expect(a).toMatchObject({ algorithm: 'argon2id', version: 19, parallelism: 1, ...VAULT_KDF_COST });
    expect(a.salt).toHaveLength(16);
    expect(newKdfParams().salt).not.toEqual(a.salt);
  });

  it('says when stored parameters are weaker than today\'s', () => {
    expect(isBelowCost(newKdfParams(FAST))).toBe(true);
    expect(isBelowCost(newKdfParams())).toBe(false);
    expect(isBelowCost(newKdfParams({ memoryKiB: VAULT_KDF_COST.memoryKiB, iterations: 2 }))).toBe(true);
  });
});
