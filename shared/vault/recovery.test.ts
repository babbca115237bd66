import fc from 'fast-check';
import { Decrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { formatRecoveryCode, makeRecoverySlot, openRecoverySlot, parseRecoveryCode, readRecoveryRequest, RECOVERY_CODE_BYTES, WrongRecoveryCodeError } from './recovery';

describe('recovery codes', () => {
  it('read back as the same bytes however they are typed: case, spaces, dashes, 0/1/8 for O/I/B', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: RECOVERY_CODE_BYTES, maxLength: RECOVERY_CODE_BYTES }), (bytes) => {
        const code = formatRecoveryCode(bytes);
        expect(code).toMatch(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$/);
        expect(parseRecoveryCode(code)).toEqual(bytes);
        const typed = code.toLowerCase().replace(/-/g, ' ').replace(/o/g, '0').replace(/i/g, '1').replace(/b/g, '8');
        expect(parseRecoveryCode(` ${typed} `)).toEqual(bytes);
      }),
    );
  });

  it('refuse text that is not 32 base32 characters', () => {
    for (const text of ['', 'ABCD', 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-456', 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-A', 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-45!7']) {
      expect(parseRecoveryCode(text)).toBeNull();
    }
  });
});

describe('the recovery slot', () => {
  it('opens only with its own code, and not once its recipient or date was edited', async () => {
    const vaultKey = Uint8Array.from({ length: 32 }, (_, i) => 200 - i);
    const unit = await generateX25519Identity();
    const recipient = await identityToRecipient(unit);
    const other = await identityToRecipient(await generateX25519Identity());
    const slot = await makeRecoverySlot(vaultKey, recipient, 1_800_000_000_000);
    const decrypter = new Decrypter();
    decrypter.addIdentity(unit);
    const code = readRecoveryRequest(await decrypter.decrypt(slot.request))!.code;

    expect(openRecoverySlot(slot, code)).toEqual(vaultKey);
    expect(() => openRecoverySlot(slot, formatRecoveryCode(new Uint8Array(RECOVERY_CODE_BYTES)))).toThrow(WrongRecoveryCodeError);
    expect(() => openRecoverySlot({ ...slot, recipient: other }, code)).toThrow(WrongRecoveryCodeError);
    expect(() => openRecoverySlot({ ...slot, madeAt: slot.madeAt + 1 }, code)).toThrow(WrongRecoveryCodeError);
    await expect(makeRecoverySlot(vaultKey, 'age1notarecipient', 0)).rejects.toThrow('vault_recovery_recipient_invalid');
  });

  it('says what a request holds in lines a person can read from age -d', () => {
    const text = 'Vigía recovery request, format 1\nmade: 2026-12-05T21:00:00.000Z\nrecovery code: ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567\n';
    expect(readRecoveryRequest(new TextEncoder().encode(text))).toEqual({ madeAt: '2026-12-05T21:00:00.000Z', code: 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567' });
    expect(readRecoveryRequest(new TextEncoder().encode(text.replace('format 1', 'format 2')))).toBeNull();
    expect(readRecoveryRequest(new TextEncoder().encode(`${text}extra\n`))).toBeNull();
    expect(readRecoveryRequest(Uint8Array.of(0xff, 0xfe))).toBeNull();
  });
});
