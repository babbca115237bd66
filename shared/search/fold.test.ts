import { describe, expect, it } from 'vitest';
import { foldedWords, foldForMatch } from './fold';

describe('foldForMatch', () => {
  it('folds case and removes accents: é→e, ñ→n, ç→c', () => {
    expect(foldForMatch('García Núñez')).toBe('garcia nunez');
    expect(foldForMatch('François Çelik')).toBe('francois celik');
    expect(foldForMatch('Saïd ÉL-IDRISSI')).toBe('said el-idrissi');
  });

  it('folds letters that have no decomposition', () => {
    expect(foldForMatch('Straße Ærø Łódź')).toBe('strasse aero lodz');
  });

  it('drops the apostrophes and modifier letters written for ʿayn and hamza', () => {
    expect(foldForMatch("Sa'id")).toBe('said');
    expect(foldForMatch('ʿAbd al-Raḥmān')).toBe('abd al-rahman');
    expect(foldForMatch('Ma’ruf')).toBe('maruf');
  });

  it('normalises the usual spelling variation of Arabic script', () => {
    expect(foldForMatch('أحمد')).toBe(foldForMatch('احمد'));
    expect(foldForMatch('مُحَمَّد')).toBe('محمد');
    expect(foldForMatch('فاطمة')).toBe('فاطمه');
  });
});

describe('foldedWords', () => {
  it('splits on hyphens and punctuation and points each word back into the original text', () => {
    const text = 'Abd al-Raḥmān (alias «Abu Yusuf»)';
    const words = foldedWords(text);
    expect(words.map((w) => w.folded)).toEqual(['abd', 'al', 'rahman', 'alias', 'abu', 'yusuf']);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual(['Abd', 'al', 'Raḥmān', 'alias', 'Abu', 'Yusuf']);
  });

  it('keeps digits as words and drops a lone apostrophe', () => {
    expect(foldedWords("Madrid V ' módulo 10").map((w) => w.folded)).toEqual(['madrid', 'v', 'modulo', '10']);
  });
});
