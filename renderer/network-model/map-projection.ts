import { SPAIN_OUTLINE } from '../../shared/gazetteer';
import type { Point } from './layout';

/** Pixels per degree of latitude in the map view's model coordinates. */
export const MAP_SCALE = 160;
const CENTRE_LAT = 40;
const CENTRE_LON = -3.7;
const COS_CENTRE = Math.cos((CENTRE_LAT * Math.PI) / 180);

/**
 * The Canary Islands lie ~1,000 km south-west of the mainland; like most maps of Spain we draw
 * them in an inset closer in (south-west of Cádiz), or the mainland would shrink to a corner.
 */
const CANARY_WEST_OF = -12;
const CANARY_SHIFT = { lon: 5, lat: 6.5 };

/** An equirectangular projection centred on Madrid (a country-scale map, not a survey). */
export function project(lat: number, lon: number): Point {
  const canary = lon < CANARY_WEST_OF && lat < 30;
  const la = canary ? lat + CANARY_SHIFT.lat : lat;
  const lo = canary ? lon + CANARY_SHIFT.lon : lon;
  return { x: Math.round((lo - CENTRE_LON) * COS_CENTRE * MAP_SCALE), y: Math.round(-(la - CENTRE_LAT) * MAP_SCALE) };
}

/** Spain's outline as one SVG path in the same coordinates as `project`. */
export function spainOutlinePath(): string {
  const parts: string[] = [];
  for (const feature of SPAIN_OUTLINE.features) {
    for (const polygon of feature.geometry.coordinates) {
      for (const ring of polygon) {
        ring.forEach(([lon, lat], i) => {
          const p = project(lat, lon);
          parts.push(`${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`);
        });
        parts.push('Z');
      }
    }
  }
  return parts.join('');
}

/** Where prisons without coordinates (and the "no prison" group) wait: a row under the map. */
const UNPLACED_ROW_Y = Math.round((CENTRE_LAT - 34.5) * MAP_SCALE) + 120;

/**
 * Map positions of the prison-level nodes: prisons at their coordinates; nodes that would land on
 * the same spot (several prisons of one town) are fanned out on a small circle around it.
 */
export function mapPositions(
  nodeIds: readonly string[],
  prisonOfNode: (nodeId: string) => { lat?: number | undefined; lon?: number | undefined } | undefined,
): Map<string, Point> {
  const positions = new Map<string, Point>();
  const bySpot = new Map<string, string[]>();
  let unplaced = 0;
  for (const id of nodeIds) {
    const prison = prisonOfNode(id);
    if (prison?.lat === undefined || prison.lon === undefined) {
      positions.set(id, { x: -700 + unplaced * 140, y: UNPLACED_ROW_Y });
      unplaced += 1;
      continue;
    }
    const p = project(prison.lat, prison.lon);
    const key = `${Math.round(p.x / 40)},${Math.round(p.y / 40)}`;
    (bySpot.get(key) ?? bySpot.set(key, []).get(key)!).push(id);
    positions.set(id, p);
  }
  for (const ids of bySpot.values()) {
    if (ids.length < 2) continue;
    const centre = positions.get(ids[0]!)!;
    const radius = 30 + 12 * ids.length;
    ids.forEach((id, i) => {
      const angle = (2 * Math.PI * i) / ids.length - Math.PI / 2;
      positions.set(id, { x: Math.round(centre.x + radius * Math.cos(angle)), y: Math.round(centre.y + radius * Math.sin(angle)) });
    });
  }
  return positions;
}
