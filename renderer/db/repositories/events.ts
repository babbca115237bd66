import type { CaseEvent, Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

export type EventInput = Pick<EditableFields<'events'>, 'kind' | 'title' | 'date'> & Partial<EditableFields<'events'>>;

export function createEvent(db: VigiaDatabase, caseId: string, input: EventInput): Promise<Validated<CaseEvent>> {
  return createRecord(db, 'events', caseId, { personIds: [], prisonIds: [], description: '', sourceIds: [], ...input });
}

export function updateEvent(
  db: VigiaDatabase,
  eventId: string,
  patch: Partial<EditableFields<'events'>>,
): Promise<Validated<CaseEvent>> {
  return updateRecord(db, 'events', eventId, patch);
}

export function deleteEvent(db: VigiaDatabase, eventId: string): Promise<Validated<CaseEvent>> {
  return deleteRecord(db, 'events', eventId);
}
