import { ROLES, type Role } from '../../shared/model';
import { ROLE_STYLES } from './link-styles';

/** How people are drawn: chosen by the analyst, kept in the network slice and in saved views. */
export interface NetworkStyling {
  /** Node size: by role (fixed sizes), by number of contacts, or by the metric the analytics provide. */
  sizeBy: 'role' | 'degree' | 'metric';
  colourBy: 'role' | 'prison' | 'community';
  /** People due for release within this many days carry a badge. */
  releaseBadgeDays: number;
}

export const DEFAULT_STYLING: NetworkStyling = { sizeBy: 'role', colourBy: 'role', releaseBadgeDays: 90 };

/** What the analytics share with the drawing: person id → value (see network-slice.ts). */
export interface AnalyticsOverlay {
  metric?: { name: string; values: ReadonlyMap<string, number> } | undefined;
  communities?: ReadonlyMap<string, number> | undefined;
}

/** One entry of the colour key, in the order the legend lists them. */
export type ColourKey =
  | { by: 'role'; role: Role; color: string }
  | { by: 'prison'; prisonId: string; name: string; color: string }
  | { by: 'community'; community: number; color: string };

const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#7A1F3D', '#F0E442'];

/** The n-th of many distinguishable colours: the colour-blind-safe palette first, then golden-angle hues. */
export function categoricalColour(index: number): string {
  if (index < OKABE_ITO.length) return OKABE_ITO[index]!;
  const hue = ((index - OKABE_ITO.length) * 137.508 + 20) % 360;
  return hslToHex(hue, 0.55, index % 2 === 0 ? 0.42 : 0.58);
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60 ? [chroma, x, 0] : hue < 120 ? [x, chroma, 0] : hue < 180 ? [0, chroma, x] : hue < 240 ? [0, x, chroma] : hue < 300 ? [x, 0, chroma] : [chroma, 0, x];
  const hex = (v: number) => Math.round((v + m) * 255).toString(16).padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}`.toUpperCase();
}

export const MIN_PERSON_SIZE = 12;
export const MAX_PERSON_SIZE = 48;

/** Node side from a value relative to the largest drawn: area grows with the value (square root). */
export function sizeFromValue(value: number, largest: number): number {
  if (largest <= 0 || value <= 0) return MIN_PERSON_SIZE;
  return Math.round(MIN_PERSON_SIZE + (MAX_PERSON_SIZE - MIN_PERSON_SIZE) * Math.sqrt(Math.min(1, value / largest)));
}

/** Edge width from the number of letters, calls or visits a link stands for (1 → the kind's width). */
export function widthFromCount(baseWidth: number, count: number | undefined): number {
  const n = Math.max(1, count ?? 1);
  return Math.round(baseWidth * (1 + Math.log2(n) / 2) * 10) / 10;
}

export interface PersonPaint {
  size: number;
  color: string;
}

/**
 * Decides size and colour of every drawn person from one styling choice, and the legend keys that
 * explain it. What the analytics have not provided yet falls back (metric → degree, community →
 * role) and `effective` says so, so the legend never claims what the drawing does not show.
 */
export function paintPeople(
  persons: readonly { id: string; role: Role }[],
  degreeOf: ReadonlyMap<string, number>,
  prisonOf: (personId: string) => { id: string; name: string } | undefined,
  styling: NetworkStyling,
  overlay: AnalyticsOverlay,
): { paint: Map<string, PersonPaint>; effective: Pick<NetworkStyling, 'sizeBy' | 'colourBy'>; colours: ColourKey[] } {
  const sizeBy = styling.sizeBy === 'metric' && !overlay.metric ? 'degree' : styling.sizeBy;
  const colourBy = styling.colourBy === 'community' && !overlay.communities ? 'role' : styling.colourBy;
  const values = sizeBy === 'metric' ? overlay.metric!.values : degreeOf;
  let largest = 0;
  for (const p of persons) largest = Math.max(largest, values.get(p.id) ?? 0);

  const prisonColour = new Map<string, ColourKey>();
  const communityColour = new Map<number, ColourKey>();
  const rolesSeen = new Set<Role>();
  if (colourBy === 'prison') {
    const seen = new Map<string, string>();
    for (const p of persons) {
      const prison = prisonOf(p.id);
      if (prison) seen.set(prison.id, prison.name);
    }
    [...seen].sort((a, b) => a[1].localeCompare(b[1], 'es')).forEach(([prisonId, name], i) =>
      prisonColour.set(prisonId, { by: 'prison', prisonId, name, color: categoricalColour(i) }),
    );
  }
  const paint = new Map<string, PersonPaint>();
  for (const p of persons) {
    const size = sizeBy === 'role' ? ROLE_STYLES[p.role].size : sizeFromValue(values.get(p.id) ?? 0, largest);
    let color = ROLE_STYLES[p.role].color;
    if (colourBy === 'role') rolesSeen.add(p.role);
    else if (colourBy === 'prison') color = prisonColour.get(prisonOf(p.id)?.id ?? '')?.color ?? NO_GROUP_COLOUR;
    else {
      const community = overlay.communities!.get(p.id);
      if (community === undefined) color = NO_GROUP_COLOUR;
      else {
        let key = communityColour.get(community);
        if (!key) {
          key = { by: 'community', community, color: categoricalColour(community) };
          communityColour.set(community, key);
        }
        color = key.color;
      }
    }
    paint.set(p.id, { size, color });
  }
  const colours: ColourKey[] =
    colourBy === 'role'
      ? ROLES.filter((r) => rolesSeen.has(r)).map((role) => ({ by: 'role', role, color: ROLE_STYLES[role].color }))
      : colourBy === 'prison'
        ? [...prisonColour.values()]
        : [...communityColour.values()].sort((a, b) => (a.by === 'community' && b.by === 'community' ? a.community - b.community : 0));
  return { paint, effective: { sizeBy, colourBy }, colours };
}

/** People in no prison, or in no community, are drawn in this neutral grey. */
export const NO_GROUP_COLOUR = '#A7B1BE';
