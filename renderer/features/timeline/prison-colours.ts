/**
 * Bar colours, one per prison. Each has a contrast of at least 4.5:1 against the white lane (WCAG
 * 1.4.11 asks 3:1 for graphics), so a bar is seen by everyone; colour is never the only cue: every
 * bar's accessible name says the prison. With more prisons than colours the palette repeats, in
 * the order of the prisons' names so that neighbours in the list differ.
 */
export const PRISON_PALETTE = [
  '#1f4e79',
  '#2e7d32',
  '#8e24aa',
  '#b45309',
  '#00695c',
  '#c2185b',
  '#455a64',
  '#6d4c41',
  '#283593',
  '#827717',
] as const;

export function prisonColours(prisons: readonly { id: string; name: string }[]): Map<string, string> {
  const ordered = [...prisons].sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  return new Map(ordered.map((p, i) => [p.id, PRISON_PALETTE[i % PRISON_PALETTE.length]!]));
}

/** For bars of several prisons merged into one band (a crowded prison lane is one prison anyway). */
export const MIXED_COLOUR = '#52606d';
