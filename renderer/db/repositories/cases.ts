import { toIsoDate, type Case, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

/** A new case needs a name and a marking; the rest has sensible defaults. */
export type CaseInput = Pick<EditableFields<'cases'>, 'name' | 'marking'> & Partial<EditableFields<'cases'>>;

export function createCase(db: VigiaDatabase, input: CaseInput): Promise<Validated<Case>> {
  return createRecord(db, 'cases', undefined, {
    description: '',
    unit: '',
    openedOn: toIsoDate(new Date(db.now())),
    archived: false,
    synthetic: false,
    ...input,
  });
}

export function updateCase(db: VigiaDatabase, caseId: string, patch: Partial<EditableFields<'cases'>>): Promise<Validated<Case>> {
  return updateRecord(db, 'cases', caseId, patch);
}

/** Tombstones the case; its records stay in place (a colleague may still send changes to them). */
export function deleteCase(db: VigiaDatabase, caseId: string): Promise<Validated<Case>> {
  return deleteRecord(db, 'cases', caseId);
}
