/**
 * A short fingerprint of a set of nodes and edges (FNV-1a, 32-bit, over the sorted ids), so a
 * cached layout is used only for the very elements it was computed from. Not a security hash:
 * a collision would only show an old layout.
 */
export function layoutKey(nodeIds: readonly string[], edges: readonly (readonly [string, string])[]): string {
  let hash = 0x811c9dc5;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  };
  for (const id of [...nodeIds].sort()) feed(`${id}\n`);
  const pairs = edges.map(([a, b]) => (a < b ? `${a}~${b}` : `${b}~${a}`));
  for (const pair of [...new Set(pairs)].sort()) feed(`${pair}\n`);
  return `${nodeIds.length}-${pairs.length}-${hash.toString(16).padStart(8, '0')}`;
}
