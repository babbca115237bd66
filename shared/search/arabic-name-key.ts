import { isArabicScript, latinReadings } from './arabic-script';

/**
 * A phonetic key for Arabic names written in Latin letters, in the spirit of Soundex/Metaphone:
 * two spellings of one name get the same key, so "Muhammad" finds "Mohammed" as a spelling
 * variant rather than as a typo. Edit distance alone cannot do this: Muhammad/Mohamed are three
 * edits apart, Abderrahmane/Abd al-Rahman are two words against one.
 *
 * Where the variation comes from (the rule tables below encode it):
 * - Vowels: Arabic writes three short vowels and three long ones; French spells them a/e/i/o/ou,
 *   English a/i/u/ee/oo, Spanish a/e/i/o/u. So vowel quality inside a word is dropped: every vowel
 *   run becomes "a" (Mohamed = Muhammad), except the diphthongs ay/ey (Hussein = Husayn, which stays
 *   apart from Hassan) and the first vowel of the word, kept in three classes a / e,i / o,u
 *   (Omar and Ammar are different names, Ismail = Esmail, Oussama = Usama).
 * - Consonants: one Arabic letter has several Latin spellings: خ kh (French/English) or j (Spanish:
 *   Jalid = Khalid); ش ch (French) or sh (English); ق q or k; ذ dh or d; ث th or t; غ gh or g;
 *   ج dj (French) or j; و w or ou (French: Oualid = Walid); ش x in older Spanish (Hixam = Hicham);
 *   Spanish/French qu = k (Chaquir = Chakir). Spanish j is ambiguous (خ in Jalid, ج in Jamal), so a j
 *   gives two keys, as do an x (ks or ش) and a y opening a word (y, or ج in Spanish: Yamal = Jamal).
 * - y is a consonant at the start and between vowels (Ayoub = Ayub), a vowel elsewhere (Husayn);
 *   after i/e it is a glide that spellings drop (Zakariya = Zakaria).
 * - Doubled consonants (shadda) are written or not: Mohammed = Mohamed, Youssef = Yusuf.
 * - ح/ه before a consonant or at the end of a word is often not written: Abderramane =
 *   Abderrahmane, Fatima = Fatimah. Between vowels it is kept (Mohamed ≠ Mahmoud).
 * - French adds a mute final e: Amine = Amin, Abderrahmane = Abd al-Rahman.
 * - The article al-/el-/ul- and its assimilated forms (ar-, er-, es- …) are written joined,
 *   hyphenated or apart: Abderrahmane = Abd al-Rahman = Abdul Rahman = Abdelrahman. Compounds with
 *   "Abd" get a key of "abd" + the key of the divine name; a glued article gets a second key without it
 *   (Elidrissi = El Idrissi = Idrissi, Essaidi = Saidi).
 * - A few spellings no letter rule reaches (Turkish Mehmet, Maghrebi Mhamed, Brahim, Driss) are listed.
 *
 * Known limits, accepted (a typo-tolerant search still finds several by edit distance): Houssine
 * keys like Hassan; Gamal (Egyptian g for ج) does not key like Jamal, nor a Spanish y for ج inside
 * a word (Jadiya = Khadija); Aissa does not key like Issa; Fatma (a vowel dropped) does not key
 * like Fatima. Names written in Arabic script are keyed through their Latin readings
 * (arabic-script.ts): يوسف keys like Youssef.
 */

/** Whole-word spellings that no letter rule maps to their usual form. */
export const CANONICAL_SPELLINGS: Readonly<Record<string, string>> = {
  mehmet: 'mohamed', // Turkish
  mehmed: 'mohamed', // Ottoman / Bosnian
  mahomet: 'mohamed', // older European form
  mhamed: 'mohamed', // Maghrebi colloquial
  mohd: 'mohamed', // abbreviation (South-East Asia, also in passports)
  muhd: 'mohamed',
  brahim: 'ibrahim', // Maghrebi, initial vowel dropped
  smail: 'ismail',
  driss: 'idriss',
  ben: 'ibn', // "son of": ben (Maghreb), bin (Gulf), ibn (classical)
  bin: 'ibn',
  ebn: 'ibn',
};

/**
 * Letter groups read as one sound, longest first. `sound` is a private symbol of the key, not a
 * spelling: `c` stands for the sh sound, `x` for kh.
 */
export const CONSONANT_GROUPS: ReadonlyArray<{ letters: string; sound: string; why: string }> = [
  { letters: 'sch', sound: 'c', why: 'ش in German-style spelling' },
  { letters: 'tch', sound: 'c', why: 'ش/تش in French spelling' },
  { letters: 'sh', sound: 'c', why: 'ش in English spelling (Shaib)' },
  { letters: 'ch', sound: 'c', why: 'ش in French spelling (Chaib, Rachid)' },
  { letters: 'kh', sound: 'x', why: 'خ in French/English spelling (Khalid)' },
  { letters: 'dj', sound: 'j', why: 'ج in French spelling (Djamel)' },
  { letters: 'gh', sound: 'g', why: 'غ (Ghali / Gali)' },
  { letters: 'dh', sound: 'd', why: 'ذ/ض (dh or d)' },
  { letters: 'th', sound: 't', why: 'ث (Uthman / Otman)' },
  { letters: 'ph', sound: 'f', why: 'French ph (Moustapha / Mustafa)' },
  { letters: 'ck', sound: 'k', why: 'one k sound' },
];

/** Single letters that change sound: q = k; c = s before e/i/y and k elsewhere; qu = k before e/i. */
const SINGLE_CONSONANTS: Readonly<Record<string, string>> = { q: 'k' };

/**
 * Letters with two readings, both kept as keys: Spanish j is خ (Jalid = Khalid) or ج (Jamal =
 * Djamel); x is ks, or ش in older Spanish spelling (Hixam = Hicham); a y opening a word is y, or ج
 * in Spanish spelling (Yamal = Jamal).
 */
const J_SOUNDS = ['x', 'j'] as const;
const X_SOUNDS = ['ks', 'c'] as const;
const INITIAL_Y_SOUNDS = ['y', 'j'] as const;

/** Articles that may stand inside a two-word name (Abd al-Rahman, Abu el-Hassan), and assimilated forms. */
export const COMPOUND_ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'il', 'l',
  'ar', 'er', 'ur', 'as', 'es', 'us', 'ash', 'ech', 'esh',
  'ad', 'ed', 'ud', 'at', 'et', 'ut', 'an', 'en', 'un', 'az', 'ez', 'uz', 'ag', 'eg',
]);

/** First words of an "Abd X" compound, however the article is spelled. */
export const ABD_HEADS: ReadonlySet<string> = new Set([
  'abd', 'abdel', 'abdal', 'abdul', 'abdoul', 'abdu', 'abdou', 'abdil', 'abde', 'abdol',
]);

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u']);
const isVowelLetter = (letter: string | undefined): boolean => letter !== undefined && VOWELS.has(letter);

/** The j ambiguity doubles keys; a word with many j's keeps the first few. */
const MAX_KEYS = 4;

type Unit = { vowel: true; letter: string } | { vowel: false; sounds: readonly string[] };

/** Reads a folded a–z word into vowel letters and consonant sounds. */
function readUnits(word: string): Unit[] {
  const units: Unit[] = [];
  let i = 0;
  while (i < word.length) {
    const group = CONSONANT_GROUPS.find((g) => word.startsWith(g.letters, i));
    if (group) {
      units.push({ vowel: false, sounds: [group.sound] });
      i += group.letters.length;
      continue;
    }
    const letter = word[i] as string;
    const next = word[i + 1];
    if (letter === 'w') {
      units.push({ vowel: true, letter: 'u' }); // French "ou" and English "w" are one sound
    } else if (letter === 'y') {
      // y is a consonant opening a word before a vowel (Youssef; Spanish also writes ج as y: Yamal =
      // Jamal) and between vowels (Ayoub = Ayub, Abuyusuf), except after i/e where iya = ia
      // (Zakariya = Zakaria); elsewhere it is a vowel (Husayn, Ilyas, Yahya).
      const previous = word[i - 1];
      if (i === 0 && isVowelLetter(next)) units.push({ vowel: false, sounds: INITIAL_Y_SOUNDS });
      else if (isVowelLetter(previous) && previous !== 'i' && previous !== 'e' && isVowelLetter(next)) {
        units.push({ vowel: false, sounds: ['y'] });
      } else units.push({ vowel: true, letter: 'y' });
    } else if (isVowelLetter(letter)) {
      units.push({ vowel: true, letter });
    } else if (letter === 'q' && next === 'u' && (word[i + 2] === 'e' || word[i + 2] === 'i')) {
      units.push({ vowel: false, sounds: ['k'] }); // Spanish/French qu: Chaquir = Chakir
      i += 2;
      continue;
    } else if (letter === 'c') {
      units.push({ vowel: false, sounds: [next === 'e' || next === 'i' || next === 'y' ? 's' : 'k'] });
    } else if (letter === 'j') {
      units.push({ vowel: false, sounds: J_SOUNDS });
    } else if (letter === 'x') {
      units.push({ vowel: false, sounds: X_SOUNDS });
    } else {
      units.push({ vowel: false, sounds: [SINGLE_CONSONANTS[letter] ?? letter] });
    }
    i += 1;
  }
  return units;
}

/** A run of vowels after a consonant: "ay" for a diphthong (ai, ay, ei, oua-i …), else "a". */
function innerVowel(run: string): string {
  const first = run[0];
  const rest = run.slice(1);
  const diphthong =
    run.length >= 2 &&
    (((first === 'a' || first === 'o' || first === 'u') && /[eiy]/.test(rest)) ||
      (first === 'e' && /[iy]/.test(rest)));
  return diphthong ? 'ay' : 'a';
}

/** The first vowel run of a word keeps its class: a / e,i,y / o,u (Omar ≠ Ammar). */
function initialVowel(run: string): string {
  const first = run[0];
  const cls = first === 'a' ? 'a' : first === 'o' || first === 'u' ? 'u' : 'i';
  return innerVowel(run) === 'ay' ? `${cls}y` : cls;
}

/** The keys of one plain word (no compound handling); several only when a j is ambiguous. */
function plainWordKeys(word: string): string[] {
  const units = readUnits(word);
  let keys = [''];
  let lastConsonant: readonly string[] | null = null;
  let i = 0;
  while (i < units.length) {
    const unit = units[i] as Unit;
    if (unit.vowel) {
      let run = '';
      while (i < units.length && (units[i] as Unit).vowel) {
        run += (units[i] as { letter: string }).letter;
        i += 1;
      }
      const atStart = keys[0] === '';
      const atEnd = i === units.length;
      if (atEnd && !atStart && run === 'e') break; // French mute final e: Amine = Amin
      const vowel = atStart ? initialVowel(run) : innerVowel(run);
      keys = keys.map((key) => key + vowel);
      lastConsonant = null;
      continue;
    }
    const previous = units[i - 1];
    const next = units[i + 1];
    const isH = unit.sounds.length === 1 && unit.sounds[0] === 'h';
    // ح/ه after a vowel and before a consonant or the end is often left unwritten.
    if (isH && previous?.vowel === true && (next === undefined || next.vowel === false)) {
      i += 1;
      continue;
    }
    // Shadda: a doubled consonant is written once or twice.
    if (!(lastConsonant && lastConsonant.length === unit.sounds.length && lastConsonant.every((s, k) => s === unit.sounds[k]))) {
      keys = keys.flatMap((key) => unit.sounds.map((sound) => key + sound)).slice(0, MAX_KEYS);
    }
    lastConsonant = unit.sounds;
    i += 1;
  }
  return keys;
}

/** "errahmane" → "rrahmane", "elaziz" → "aziz", "ullah" → "lah": the article after "Abd". */
function withoutAbdArticle(rest: string): string {
  const article = /^[aeiou]{1,2}l/.exec(rest);
  if (article) return rest.slice(article[0].length);
  return rest.replace(/^[aeiou]+/, '');
}

const PLAIN_LATIN = /^[a-z]+$/;
/** al-/el- glued to the name, or assimilated to a sun letter (Essaidi = es-Saidi, Ettaoussi). */
const GLUED_ARTICLE = /^(?:[ae]l|[ae](?=([cdnrstz])\1))/;
/** A glued article is only split off a long word: Elidrissi, Essaidi yes; Elias, Alami no. */
const GLUED_ARTICLE_MIN_LENGTH = 7;

/** Each distinct word is keyed once (names repeat across a case); bounded like the fold cache. */
const keyCache = new Map<string, readonly string[]>();
const KEY_CACHE_LIMIT = 50_000;

/**
 * The phonetic keys of one folded word (see `foldForMatch`). Words that are not plain Latin letters
 * (digits, Arabic script) or are a single letter have no key and match only as written.
 */
export function nameKeys(foldedWord: string): readonly string[] {
  let keys = keyCache.get(foldedWord);
  if (keys === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    keys = Object.freeze(computeKeys(foldedWord));
    keyCache.set(foldedWord, keys);
  }
  return keys;
}

function computeKeys(foldedWord: string): string[] {
  // Arabic script: the keys of its Latin readings, so يوسف meets Youssef and Yusuf (arabic-script.ts).
  if (isArabicScript(foldedWord)) return [...new Set(latinReadings(foldedWord).flatMap(computeKeys))];
  if (foldedWord.length < 2 || !PLAIN_LATIN.test(foldedWord)) return [];
  const word = CANONICAL_SPELLINGS[foldedWord] ?? foldedWord;
  const keys: string[] = [];
  if (word.startsWith('abd') && word.length > 3) {
    const name = withoutAbdArticle(word.slice(3));
    if (name.length === 0) keys.push('abd');
    else {
      const nameKeysOnly = plainWordKeys(name);
      keys.push(...nameKeysOnly.map((key) => `abd${key}`));
      // So that "rahman" alone also finds "Abderrahmane".
      if (name.length >= 3) keys.push(...nameKeysOnly);
    }
  } else {
    keys.push(...plainWordKeys(word));
    const article = GLUED_ARTICLE.exec(word);
    if (article && word.length >= GLUED_ARTICLE_MIN_LENGTH) keys.push(...plainWordKeys(word.slice(article[0].length)));
  }
  return [...new Set(keys)].filter((key) => key.length > 0);
}
