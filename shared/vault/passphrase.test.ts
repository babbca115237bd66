import { describe, expect, it } from 'vitest';
import { COMMON_PASSPHRASES } from './common-passphrases';
import { checkNewPassphrase, codePointLength, MIN_PASSPHRASE_LENGTH, normalisePassphrase, passphraseBytes } from './passphrase';

describe('normalisePassphrase', () => {
  it('makes é typed as one character and as e + combining accent the same bytes', () => {
    const precomposed = 'caf\u00e9 con leche del año';
    const decomposed = 'cafe\u0301 con leche del an\u0303o';
    expect(precomposed).not.toBe(decomposed);
    expect(passphraseBytes(decomposed)).toEqual(passphraseBytes(precomposed));
  });

  it('maps space-like characters to a plain space and keeps leading and trailing ones', () => {
    expect(normalisePassphrase('\u00a0a\u3000b\u2009c ')).toBe(' a b c ');
  });

  it('keeps compatibility characters the person chose (NFC, not NFKC)', () => {
    expect(normalisePassphrase('\ufb01n\u00b2')).toBe('\ufb01n\u00b2');
    expect(normalisePassphrase('\uff21')).toBe('\uff21');
  });
});

describe('checkNewPassphrase', () => {
  it('accepts fifteen characters of any script and returns the normalised text', () => {
    const result = checkNewPassphrase('سجن ملقا ٢٠٢٤ والليل');
    expect(result).toMatchObject({ ok: true });
    expect(checkNewPassphrase('mañana llueve en Córdoba')).toEqual({ ok: true, passphrase: 'mañana llueve en Córdoba', length: 24 });
  });

  it('counts code points: an emoji is one character, and decomposed accents are not counted twice', () => {
    expect(codePointLength('🔑')).toBe(1);
    const fourteenDecomposed = 'e\u0301'.repeat(7) + 'abcdefg';
    expect(checkNewPassphrase(fourteenDecomposed)).toMatchObject({ ok: false, problem: 'too_short', length: 14, minimum: 15 });
    expect(checkNewPassphrase('🔑'.repeat(7) + 'abcdefgh')).toMatchObject({ ok: true, length: 15 });
  });

  it('refuses fewer than fifteen characters', () => {
    expect(checkNewPassphrase('')).toMatchObject({ ok: false, problem: 'too_short', length: 0 });
    expect(checkNewPassphrase('x7#kP2!qLm9@vB4')).toMatchObject({ ok: true });
    expect(checkNewPassphrase('x7#kP2!qLm9@vB')).toMatchObject({ ok: false, problem: 'too_short', length: 14 });
  });

  it('refuses common passphrases whatever their case and spacing', () => {
    for (const candidate of ['Correct Horse Battery Staple', 'CORRECTHORSEBATTERYSTAPLE', 'Contrasen\u0303a Segura 123', '123456789012345']) {
      expect(checkNewPassphrase(candidate)).toMatchObject({ ok: false, problem: 'common' });
    }
  });

  it('refuses one character repeated, spaces included', () => {
    expect(checkNewPassphrase('a'.repeat(20))).toMatchObject({ ok: false, problem: 'common' });
    expect(checkNewPassphrase(' '.repeat(20))).toMatchObject({ ok: false, problem: 'common' });
  });

  it('refuses a lone surrogate, which UTF-8 cannot carry', () => {
    expect(checkNewPassphrase('a perfectly long passphrase \ud800')).toMatchObject({ ok: false, problem: 'malformed' });
  });
});

describe('COMMON_PASSPHRASES', () => {
  it('holds only entries the length rule would let through, so each one matters', () => {
    const short = COMMON_PASSPHRASES.filter((entry) => codePointLength(normalisePassphrase(entry)) < MIN_PASSPHRASE_LENGTH);
    expect(short).toEqual([]);
  });
});
