import { buildGraph, type CompactGraph, type NetworkLinkInput } from './compact-graph';

/** A network from "a-b c-d …" pairs; people named in `extra` are added without links. */
export function network(pairs: string, extra: string[] = []): CompactGraph {
  const links: NetworkLinkInput[] = pairs
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => {
      const [source, target] = pair.split('-') as [string, string];
      return { source, target };
    });
  const ids = [...new Set([...links.flatMap((l) => [l.source, l.target]), ...extra])].sort();
  return buildGraph(ids, links);
}

/** Values keyed by person id, for readable expectations. */
export function byId(graph: CompactGraph, values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(graph.ids.map((id, v) => [id, values[v]!]));
}
