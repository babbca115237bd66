/**
 * Performance marks the benchmark reads (test/bench/network.bench.ts), set by the view as it works.
 * - data: the case's data (or a large case's overview) reached the view;
 * - rendered: Cytoscape drew a new set of elements (set by the canvas);
 * - full: the full view of the case (people and links in hand) drew for the first time.
 * - kept: the network keeper's worker finished with a case (`detail`: its id and what it found,
 *   KeptCase), read by the e2e suite.
 */
export const NETWORK_DATA_MARK = 'vigia:network-data';
export const NETWORK_RENDERED_MARK = 'vigia:network-rendered';
export const NETWORK_FULL_MARK = 'vigia:network-full';
export const NETWORK_KEPT_MARK = 'vigia:network-kept';
