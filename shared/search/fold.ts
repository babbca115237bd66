/**
 * Folding for matching, never for display: what the analyst typed and what the case holds are
 * compared after case folding and removal of accents, so "garcia" finds "García", "nunez" finds
 * "Núñez" and "francois" finds "François". The original text is kept for display and the offsets
 * of each token point into it, so a result can be highlighted where it matched.
 */

/** Letters that Unicode decomposition leaves whole. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ħ: 'h',
  ı: 'i',
  // Arabic script: hamza-bearing alefs to bare alef, tāʾ marbūṭa to hāʾ, alif maqṣūra to yāʾ —
  // the usual spelling variation of names written in Arabic script.
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
};
const LETTER_FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/**
 * Apostrophes and the modifier letters used for ʿayn and hamza ("Sa'id", "ʿAbd", "Ma’ruf"): dropped
 * inside a word rather than splitting it, since a transliteration with them and one without them
 * are the same name.
 */
const APOSTROPHES = "'’‘ʼʻʿʾ`´";
const APOSTROPHE_PATTERN = new RegExp(`[${APOSTROPHES}]`, 'gu');

/** Combining marks (accents, and Arabic short-vowel signs) and the tatweel (U+0640). */
const MARKS = /[\p{M}\u0640]/gu;

/** Case-folds and strips accents: "Abd al-Raḥmān" → "abd al-rahman". */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LETTER_FOLD_PATTERN, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(APOSTROPHE_PATTERN, '');
}

/** One word of a text, folded, with where it sits in the original text. */
export interface FoldedWord {
  folded: string;
  /** Offsets into the original (unfolded) text: `text.slice(start, end)` is the word as written. */
  start: number;
  end: number;
}

// A word: letters, digits and marks, with apostrophes inside it. Hyphens, dots, spaces and other
// punctuation separate words ("al-Rahman" is "al" + "rahman").
const WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}${APOSTROPHES}]+`, 'gu');

/**
 * Names repeat across a case (thousands of Mohameds): folding each distinct word once makes
 * building the index several times faster. Bounded, so a case full of unique words cannot grow it
 * without limit.
 */
const foldedCache = new Map<string, string>();
const FOLDED_CACHE_LIMIT = 50_000;

function foldWord(word: string): string {
  let folded = foldedCache.get(word);
  if (folded === undefined) {
    if (foldedCache.size >= FOLDED_CACHE_LIMIT) foldedCache.clear();
    folded = foldForMatch(word);
    foldedCache.set(word, folded);
  }
  return folded;
}

/** Splits a text into folded words; words that fold to nothing (a lone apostrophe) are dropped. */
export function foldedWords(text: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const folded = foldWord(match[0]);
    if (folded.length === 0) continue;
    words.push({ folded, start: match.index, end: match.index + match[0].length });
  }
  return words;
}
