/**
 * The first four characters of an id, for reading out ("3F2A…"): enough to tell a colleague's
 * workstation or a bundle from the few others of a case. The full id stays in the tooltip.
 */
export function shortId(id: string): string {
  return `${id.replace(/-/g, '').slice(0, 4).toUpperCase()}…`;
}
