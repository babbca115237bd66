import { gazetteerPrisonId, type Prison } from '../model/prison';
import { PRISONS_ES } from './prisons-es.generated';
import type { GazetteerPrison } from './types';

const byId = new Map(PRISONS_ES.map((p) => [p.id, p]));

export function findGazetteerPrison(id: string): GazetteerPrison | undefined {
  return byId.get(id);
}

/** Who made the record and when: the bookkeeping a new case record needs. */
export interface RecordStamp {
  /** Milliseconds since the epoch, for createdAt/updatedAt. */
  readonly at: number;
  /** The record's hybrid-logical-clock stamp. */
  readonly hlc: string;
  /** The workstation that makes the record. */
  readonly by: string;
}

/** What a case's prison takes from its gazetteer entry: everything but its modules, the analyst's. */
export function gazetteerPrisonFields(entry: GazetteerPrison) {
  return {
    name: entry.name,
    town: entry.town,
    province: entry.province,
    region: entry.region,
    administration: entry.administration,
    kind: entry.kind,
    lat: entry.lat,
    lon: entry.lon,
    gazetteerId: entry.id,
  };
}

/**
 * A case's prison record for a gazetteer entry. Its id comes from the case and the gazetteer id,
 * so two workstations that add the same prison to a case make the same record.
 */
export function prisonFromGazetteer(
  entry: GazetteerPrison,
  caseId: string,
  stamp: RecordStamp,
  modules: string[] = [],
): Prison {
  return {
    id: gazetteerPrisonId(caseId, entry.id),
    caseId,
    createdAt: stamp.at,
    updatedAt: stamp.at,
    hlc: stamp.hlc,
    fieldClocks: {},
    updatedBy: stamp.by,
    deleted: 0,
    ...gazetteerPrisonFields(entry),
    modules,
  };
}
