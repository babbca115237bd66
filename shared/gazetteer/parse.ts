import { parseCsv } from './csv';
import type { GazetteerPrison } from './types';

export const GAZETTEER_COLUMNS = [
  'id',
  'name',
  'town',
  'province',
  'region',
  'administration',
  'lat',
  'lon',
  'kind',
] as const;

const ADMINISTRATIONS: readonly GazetteerPrison['administration'][] = ['SGIP', 'Catalonia', 'Basque Country'];
const KINDS: readonly GazetteerPrison['kind'][] = ['ordinary', 'psychiatric', 'women', 'youth'];

export type GazetteerParseResult =
  | { ok: true; prisons: GazetteerPrison[] }
  | { ok: false; code: string; line: number };

/** Reads prisons-es.csv (or a file in its format) into typed rows, checking every column. */
export function parseGazetteerCsv(text: string): GazetteerParseResult {
  const csv = parseCsv(text);
  if (!csv.ok) return csv;
  const [header, ...records] = csv.rows;
  if (!header || header.join(',') !== GAZETTEER_COLUMNS.join(',')) {
    return { ok: false, code: 'gazetteer_header', line: 1 };
  }
  const prisons: GazetteerPrison[] = [];
  const seen = new Set<string>();
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    if (record.length !== GAZETTEER_COLUMNS.length) return { ok: false, code: 'gazetteer_columns', line };
    const [id, name, town, province, region, administration, lat, lon, kind] = record as [
      string, string, string, string, string, string, string, string, string,
    ];
    if (!/^[a-z0-9-]+$/.test(id) || seen.has(id)) return { ok: false, code: 'gazetteer_id', line };
    if (!name || !town || !province || !region) return { ok: false, code: 'gazetteer_empty', line };
    const adm = ADMINISTRATIONS.find((a) => a === administration);
    const knd = KINDS.find((k) => k === kind);
    if (!adm || !knd) return { ok: false, code: 'gazetteer_vocabulary', line };
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!lat || !lon || !(Math.abs(latitude) <= 90) || !(Math.abs(longitude) <= 180)) {
      return { ok: false, code: 'gazetteer_coordinates', line };
    }
    seen.add(id);
    prisons.push({ id, name, town, province, region, administration: adm, lat: latitude, lon: longitude, kind: knd });
  }
  return { ok: true, prisons };
}
