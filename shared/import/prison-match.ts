import { PRISONS_ES } from '../gazetteer/prisons-es.generated';
import type { GazetteerPrison } from '../gazetteer/types';
import type { Prison } from '../model/prison';
import { foldWord } from './vocabulary-words';

/**
 * A prison as a spreadsheet writes it ("CP Madrid V", "Centro Penitenciario de Granada", "Soto del
 * Real", "C.P. Córdoba") matched to the gazetteer: the prefix and accents do not matter, nor does
 * the part in brackets; a name that fits two prisons is not guessed.
 */
const PREFIXES = /^(centro penitenciario|centre penitenciari|c ?p|prision provincial|prision)( de| d)?\s+/;

export function prisonKey(name: string): string {
  return foldWord(name)
    .replace(/[().]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PREFIXES, '')
    .trim();
}

function keysOf(entry: GazetteerPrison): string[] {
  const folded = foldWord(entry.name).replace(/\s+/g, ' ');
  const bracket = /\(([^)]+)\)/.exec(folded)?.[1];
  const withoutBracket = folded.replace(/\([^)]*\)/, ' ');
  return [...new Set([prisonKey(folded), prisonKey(withoutBracket), bracket ? prisonKey(bracket) : '', prisonKey(entry.town)].filter(Boolean))];
}

let index: Map<string, Set<string>> | undefined;

function gazetteerIndex(): Map<string, Set<string>> {
  if (index) return index;
  index = new Map();
  for (const entry of PRISONS_ES) {
    for (const key of keysOf(entry)) {
      const ids = index.get(key) ?? new Set<string>();
      ids.add(entry.id);
      index.set(key, ids);
    }
  }
  return index;
}

export type PrisonMatch =
  | { ok: true; prisonId?: string; gazetteerId?: string }
  | { ok: false; problem: 'unknown_prison' | 'ambiguous_prison' };

/** The case's own prisons first (by name, folded), then the gazetteer. */
export function matchPrison(name: string, casePrisons: readonly Prison[]): PrisonMatch {
  const key = prisonKey(name);
  if (!key) return { ok: false, problem: 'unknown_prison' };
  const own = casePrisons.filter((p) => !p.deleted && (prisonKey(p.name) === key || (p.gazetteerId && gazetteerIndex().get(key)?.has(p.gazetteerId))));
  if (own.length === 1) return { ok: true, prisonId: own[0]!.id };
  const ids = gazetteerIndex().get(key);
  if (!ids || ids.size === 0) return own.length > 1 ? { ok: false, problem: 'ambiguous_prison' } : { ok: false, problem: 'unknown_prison' };
  if (ids.size > 1) return { ok: false, problem: 'ambiguous_prison' };
  return { ok: true, gazetteerId: [...ids][0]! };
}
