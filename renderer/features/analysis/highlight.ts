import type { Highlight } from '../../store/analysis-slice';

/** The people and consecutive pairs of some chains, for the network view to highlight. */
export function highlightOf(chains: readonly (readonly string[])[]): Highlight {
  const people = new Set<string>();
  const links = new Map<string, readonly [string, string]>();
  for (const chain of chains) {
    chain.forEach((personId, i) => {
      people.add(personId);
      const next = chain[i + 1];
      if (next !== undefined) links.set(`${personId}\u0000${next}`, [personId, next]);
    });
  }
  return { personIds: [...people], links: [...links.values()] };
}
