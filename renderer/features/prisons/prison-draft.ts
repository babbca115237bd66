import type { FieldIssue, Prison, PrisonAdministration, PrisonKind } from '../../../shared/model';
import type { PrisonInput } from '../../db';

/** What the prison form holds while the analyst types: text, exactly as typed. */
export interface PrisonDraft {
  name: string;
  town: string;
  province: string;
  region: string;
  administration: PrisonAdministration;
  kind: PrisonKind;
  lat: string;
  lon: string;
  modules: string;
}

export const EMPTY_PRISON_DRAFT: PrisonDraft = {
  name: '',
  town: '',
  province: '',
  region: '',
  administration: 'SGIP',
  kind: 'ordinary',
  lat: '',
  lon: '',
  modules: '',
};

export function draftOf(prison: Prison): PrisonDraft {
  return {
    name: prison.name,
    town: prison.town,
    province: prison.province,
    region: prison.region,
    administration: prison.administration,
    kind: prison.kind,
    lat: prison.lat === undefined ? '' : String(prison.lat),
    lon: prison.lon === undefined ? '' : String(prison.lon),
    modules: prison.modules.join('\n'),
  };
}

/** Modules as analysts list them, one per line (commas too); blanks and repeats dropped. */
export function parseModules(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\n,]/)) {
    const module = part.trim();
    if (module) seen.add(module);
  }
  return [...seen];
}

/** A coordinate in decimal degrees; a comma is accepted as the decimal mark, as Spanish writes it. */
function parseCoordinate(text: string, limit: number): number | undefined | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return undefined;
  if (!/^-?\d{1,3}(\.\d+)?$/.test(trimmed)) return 'invalid';
  const value = Number(trimmed);
  return Math.abs(value) <= limit ? value : 'invalid';
}

/**
 * The repository's input from the draft, or the fields the model will not take. A cleared
 * coordinate is sent as `undefined`, which the repository takes as "remove this field".
 */
export function prisonFields(draft: PrisonDraft): { ok: true; value: PrisonInput } | { ok: false; issues: FieldIssue[] } {
  const lat = parseCoordinate(draft.lat, 90);
  const lon = parseCoordinate(draft.lon, 180);
  const issues: FieldIssue[] = [];
  if (lat === 'invalid') issues.push({ path: 'lat', code: 'invalid_coordinate' });
  if (lon === 'invalid') issues.push({ path: 'lon', code: 'invalid_coordinate' });
  if (issues.length > 0 || lat === 'invalid' || lon === 'invalid') return { ok: false, issues };
  return {
    ok: true,
    value: {
      name: draft.name,
      town: draft.town.trim(),
      province: draft.province.trim(),
      region: draft.region.trim(),
      administration: draft.administration,
      kind: draft.kind,
      lat,
      lon,
      modules: parseModules(draft.modules),
    },
  };
}
