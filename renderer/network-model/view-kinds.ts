/**
 * The ways of looking at one case, switchable without reloading it:
 * - `grouped`: people inside their prisons (compound nodes);
 * - `prisons`: one node per prison, links aggregated, prisons expanded into their people on demand;
 * - `free`: people alone, placed by a force layout computed in a worker;
 * - `map`: the prison level placed on an outline of Spain by the prisons' coordinates.
 */
export const NETWORK_VIEW_KINDS = ['grouped', 'prisons', 'free', 'map'] as const;
export type NetworkViewKind = (typeof NETWORK_VIEW_KINDS)[number];

export function isNetworkViewKind(value: unknown): value is NetworkViewKind {
  return typeof value === 'string' && (NETWORK_VIEW_KINDS as readonly string[]).includes(value);
}

/** Views that draw prisons as single nodes (and so can expand them). */
export const isPrisonLevel = (view: NetworkViewKind) => view === 'prisons' || view === 'map';
