/**
 * Words of a searchable text, and of what the analyst typed, ready for matching: folded, with
 * their phonetic keys, "Abd al-Rahman" also read as the one word "Abdalrahman", and the articles
 * al/el marked so that a query need not spell them.
 */
import { ABD_HEADS, COMPOUND_ARTICLES, nameKeys } from './arabic-name-key';
import { foldedWords, type FoldedWord } from './fold';

/** Articles that a query may leave out or add: "el idrissi" finds "Idrissi" and the reverse. */
export const OPTIONAL_ARTICLES: ReadonlySet<string> = new Set(['al', 'el']);

export interface TextToken {
  folded: string;
  /** A small number standing for `folded` (see `termNumber`), so a query can memoise per word cheaply. */
  term: number;
  /** Phonetic keys (see `nameKeys`); empty for articles, digits and non-Latin words. */
  keys: readonly string[];
  /** Offsets into the original text. */
  start: number;
  end: number;
}

export interface QueryToken {
  folded: string;
  keys: readonly string[];
  /** The word being typed: it also matches as a prefix. */
  isLast: boolean;
  /** Typos tolerated (edit distance): 0 under 4 letters, 1 from 4, 2 from 8. */
  maxEdits: number;
}

/** A key prefix shorter than this matches too much to be useful ("ma" is half the case). */
export const MIN_KEY_PREFIX = 3;

export function maxEditsFor(folded: string): number {
  if (folded.length >= 8) return 2;
  if (folded.length >= 4) return 1;
  return 0;
}

/**
 * Every distinct folded word gets a number, once: classify.ts keeps a query's verdict on each word in
 * an array indexed by it. Grows with the vocabulary of the cases opened (tens of thousands of words).
 */
const termNumbers = new Map<string, number>();

export function termNumber(folded: string): number {
  let term = termNumbers.get(folded);
  if (term === undefined) {
    term = termNumbers.size;
    termNumbers.set(folded, term);
  }
  return term;
}

/** One more than the largest term number given so far. */
export function termCount(): number {
  return termNumbers.size;
}

const NO_KEYS: readonly string[] = [];

/** A token's keys depend on its folded form only: classify.ts relies on it to memoise. */
function keysOf(folded: string): readonly string[] {
  return OPTIONAL_ARTICLES.has(folded) ? NO_KEYS : nameKeys(folded);
}

/**
 * Words that open a two-word name, written joined or apart: Abd al-Rahman / Abderrahmane,
 * Ben Ali / Benali, Bel Hadj / Belhadj, Bu Said / Boussaid, Abu Yusuf.
 */
export const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  ...ABD_HEADS,
  'ben', 'bin', 'ibn', 'bel', 'bou', 'bu', 'abu', 'abou', 'ould',
]);

/**
 * A two-word name spread over words ("Abd al-Rahman", "Abdul Rahman", "Ben Ali"), to be joined:
 * returns the index one past the compound's last word, or -1 if `i` does not open one.
 */
function compoundEnd(words: readonly FoldedWord[], i: number): number {
  if (!COMPOUND_HEADS.has((words[i] as FoldedWord).folded)) return -1;
  let j = i + 1;
  if (j < words.length - 1 && COMPOUND_ARTICLES.has((words[j] as FoldedWord).folded)) j += 1;
  return j < words.length ? j + 1 : -1;
}

function joined(words: readonly FoldedWord[], from: number, to: number): FoldedWord {
  const parts = words.slice(from, to);
  return {
    folded: parts.map((w) => w.folded).join(''),
    start: (parts[0] as FoldedWord).start,
    end: (parts[parts.length - 1] as FoldedWord).end,
  };
}

function textToken(word: FoldedWord): TextToken {
  // One object shape for every token keeps the matching loop monomorphic.
  return { folded: word.folded, term: termNumber(word.folded), keys: keysOf(word.folded), start: word.start, end: word.end };
}

/** Every word of a text, plus the joined form of each two-word name. */
export function textTokens(text: string): TextToken[] {
  const words = foldedWords(text);
  const tokens = words.map(textToken);
  for (let i = 0; i < words.length; i += 1) {
    const end = compoundEnd(words, i);
    if (end > 0) tokens.push(textToken(joined(words, i, end)));
  }
  return tokens;
}

/**
 * What the analyst typed, as tokens that must all match (AND). A two-word name counts as one
 * token; the articles al/el count only while being typed (the last word).
 */
export function queryTokens(query: string): QueryToken[] {
  const words = foldedWords(query);
  const merged: FoldedWord[] = [];
  for (let i = 0; i < words.length; ) {
    const end = compoundEnd(words, i);
    if (end > 0) {
      merged.push(joined(words, i, end));
      i = end;
    } else {
      merged.push(words[i] as FoldedWord);
      i += 1;
    }
  }
  const lastIndex = merged.length - 1;
  const tokens = merged.filter((w, i) => i === lastIndex || !OPTIONAL_ARTICLES.has(w.folded));
  return tokens.map((w, i) => ({
    folded: w.folded,
    keys: keysOf(w.folded),
    isLast: i === tokens.length - 1,
    maxEdits: maxEditsFor(w.folded),
  }));
}
