import { blankPerson, type Person, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

/** A new person needs a primary name; everything else can be filled in later. */
export type PersonInput = Pick<EditableFields<'persons'>, 'primaryName'> & Partial<EditableFields<'persons'>>;

export function createPerson(db: VigiaDatabase, caseId: string, input: PersonInput): Promise<Validated<Person>> {
  return createRecord(db, 'persons', caseId, { ...blankPerson(input.primaryName), ...input });
}

export function updatePerson(
  db: VigiaDatabase,
  personId: string,
  patch: Partial<EditableFields<'persons'>>,
): Promise<Validated<Person>> {
  return updateRecord(db, 'persons', personId, patch);
}

/** Tombstones the person; their links and stays stay stored but drop out of every view. */
export function deletePerson(db: VigiaDatabase, personId: string): Promise<Validated<Person>> {
  return deleteRecord(db, 'persons', personId);
}
