import { findGazetteerPrison, gazetteerPrisonFields } from '../../../shared/gazetteer';
import { gazetteerPrisonId, type Prison, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, restoreRecord, updateRecord, type EditableFields } from '../write';

export type PrisonInput = Pick<EditableFields<'prisons'>, 'name'> & Partial<EditableFields<'prisons'>>;

const PRISON_DEFAULTS = {
  town: '',
  province: '',
  region: '',
  administration: 'SGIP',
  kind: 'ordinary',
  modules: [],
} satisfies Partial<EditableFields<'prisons'>>;

export function createPrison(db: VigiaDatabase, caseId: string, input: PrisonInput): Promise<Validated<Prison>> {
  return createRecord(db, 'prisons', caseId, { ...PRISON_DEFAULTS, ...input });
}

/**
 * Adds a prison of the built-in gazetteer (shared/gazetteer) to a case. Its id derives from the case
 * and the gazetteer id, so adding it twice (here or on a colleague's workstation) gives one record,
 * not two; adding a deleted one brings it back. `extra` sets what the gazetteer does not know
 * (modules…). An unknown gazetteer id is refused with `unknown_gazetteer_prison`.
 */
export async function addGazetteerPrison(
  db: VigiaDatabase,
  caseId: string,
  gazetteerId: string,
  extra: Partial<EditableFields<'prisons'>> = {},
): Promise<Validated<Prison>> {
  const entry = findGazetteerPrison(gazetteerId);
  if (!entry) return { ok: false, issues: [{ path: 'gazetteerId', code: 'unknown_gazetteer_prison' }] };
  const id = gazetteerPrisonId(caseId, gazetteerId);
  const existing = await db.prisons.get(id);
  if (existing && existing.caseId === caseId) {
    return existing.deleted ? restoreRecord(db, 'prisons', id) : { ok: true, value: existing };
  }
  const fields = {
    ...gazetteerPrisonFields(entry),
    modules: [],
    ...extra,
    gazetteerId: entry.id,
  } satisfies EditableFields<'prisons'>;
  return createRecord(db, 'prisons', caseId, fields, id);
}

export function updatePrison(
  db: VigiaDatabase,
  prisonId: string,
  patch: Partial<EditableFields<'prisons'>>,
): Promise<Validated<Prison>> {
  return updateRecord(db, 'prisons', prisonId, patch);
}

export function deletePrison(db: VigiaDatabase, prisonId: string): Promise<Validated<Prison>> {
  return deleteRecord(db, 'prisons', prisonId);
}
