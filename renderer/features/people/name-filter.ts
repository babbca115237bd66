import { allNames, type Person } from '../../../shared/model';

type Named = Pick<Person, 'id' | 'primaryName' | 'alternateNames' | 'realName'>;

/** Case, accents and spacing do not matter when looking for a name: "abderramane" finds "Abderramán". */
export function foldName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('es')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NameMatch<P extends Named> {
  person: P;
  /** The alternate or real name that matched, when the primary name did not. */
  matchedName: string | undefined;
}

/** An index of every name of every person, folded once so each keystroke only scans strings. */
export function indexNames<P extends Named>(persons: readonly P[]): { person: P; names: string[]; folded: string[] }[] {
  return persons
    .map((person) => {
      const names = allNames(person);
      return { person, names, folded: names.map(foldName) };
    })
    .sort((a, b) => a.person.primaryName.localeCompare(b.person.primaryName, 'es'));
}

/**
 * How well a person's names answer a query: the primary name exactly, another name exactly, a
 * name's start, then anywhere in a name. Lower is better; undefined when nothing matches.
 */
function matchRank(folded: readonly string[], needle: string): { rank: number; at: number } | undefined {
  let best: { rank: number; at: number } | undefined;
  folded.forEach((name, at) => {
    const rank = name === needle ? (at === 0 ? 0 : 1) : name.startsWith(needle) ? 2 : name.includes(needle) ? 3 : 4;
    if (rank < 4 && (!best || rank < best.rank)) best = { rank, at };
  });
  return best;
}

/**
 * People any of whose names contain the query, best matches first (so Enter on a full name picks
 * that person), then in name order; at most `limit` of them, with the count of all.
 */
export function filterByName<P extends Named>(
  index: ReturnType<typeof indexNames<P>>,
  query: string,
  limit: number,
): { matches: NameMatch<P>[]; total: number } {
  const needle = foldName(query);
  if (!needle) {
    return { matches: index.slice(0, limit).map((e) => ({ person: e.person, matchedName: undefined })), total: index.length };
  }
  const found: { entry: (typeof index)[number]; rank: number; at: number }[] = [];
  for (const entry of index) {
    const match = matchRank(entry.folded, needle);
    if (match) found.push({ entry, ...match });
  }
  // Array.prototype.sort is stable: equal ranks keep the index's name order.
  found.sort((a, b) => a.rank - b.rank);
  return {
    matches: found.slice(0, limit).map(({ entry, at }) => ({ person: entry.person, matchedName: at > 0 ? entry.names[at] : undefined })),
    total: found.length,
  };
}
