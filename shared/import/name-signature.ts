import { nameKeys } from '../search/arabic-name-key';
import { foldForMatch, foldedWords } from '../search/fold';

/** A name folded for exact lookup: case, accents and spacing do not matter. */
export function nameLookupKey(name: string): string {
  return foldForMatch(name).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The sound of a name, word by word (Mohamed El Idrissi = Muhammad Elidrissi), for spotting a
 * possible duplicate, word by word and as one word. Never used to merge: two people may share a name.
 */
export function nameSignatures(name: string): string[] {
  const words = foldedWords(name).map((w) => w.folded);
  if (words.length === 0) return [];
  const perWord = words
    .map((w) => nameKeys(w)[0] ?? w)
    .sort()
    .join(' ');
  // Written joined or apart (Ben Ali / Benali, El Idrissi / Elidrissi): the whole name as one word.
  const joined = words.join('');
  return [...new Set([perWord, `=${nameKeys(joined)[0] ?? joined}`])];
}
