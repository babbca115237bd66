import type { Note, Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

export type NoteInput = EditableFields<'notes'>;

export function createNote(db: VigiaDatabase, caseId: string, input: NoteInput): Promise<Validated<Note>> {
  return createRecord(db, 'notes', caseId, input);
}

export function updateNote(db: VigiaDatabase, noteId: string, patch: Partial<EditableFields<'notes'>>): Promise<Validated<Note>> {
  return updateRecord(db, 'notes', noteId, patch);
}

export function deleteNote(db: VigiaDatabase, noteId: string): Promise<Validated<Note>> {
  return deleteRecord(db, 'notes', noteId);
}
