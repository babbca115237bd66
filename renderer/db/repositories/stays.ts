import type { Stay, Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

/** Who was held where from when; an open stay (no `to`) is the person's current prison. */
export type StayInput = Pick<EditableFields<'stays'>, 'personId' | 'prisonId' | 'from'> & Partial<EditableFields<'stays'>>;

/** Refused with `stays_overlap` when the person was held in another prison at the same time. */
export function createStay(db: VigiaDatabase, caseId: string, input: StayInput): Promise<Validated<Stay>> {
  return createRecord(db, 'stays', caseId, { sourceIds: [], ...input });
}

export function updateStay(db: VigiaDatabase, stayId: string, patch: Partial<EditableFields<'stays'>>): Promise<Validated<Stay>> {
  return updateRecord(db, 'stays', stayId, patch);
}

export function deleteStay(db: VigiaDatabase, stayId: string): Promise<Validated<Stay>> {
  return deleteRecord(db, 'stays', stayId);
}
