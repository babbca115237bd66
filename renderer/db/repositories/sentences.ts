import type { Sentence, Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

export type SentenceInput = Pick<EditableFields<'sentences'>, 'personId' | 'offence' | 'start'> &
  Partial<EditableFields<'sentences'>>;

export function createSentence(db: VigiaDatabase, caseId: string, input: SentenceInput): Promise<Validated<Sentence>> {
  return createRecord(db, 'sentences', caseId, { preventiveDetention: false, sourceIds: [], ...input });
}

export function updateSentence(
  db: VigiaDatabase,
  sentenceId: string,
  patch: Partial<EditableFields<'sentences'>>,
): Promise<Validated<Sentence>> {
  return updateRecord(db, 'sentences', sentenceId, patch);
}

export function deleteSentence(db: VigiaDatabase, sentenceId: string): Promise<Validated<Sentence>> {
  return deleteRecord(db, 'sentences', sentenceId);
}
