import type { Source, Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

export type SourceInput = Pick<EditableFields<'sources'>, 'kind' | 'title' | 'reliability'> & Partial<EditableFields<'sources'>>;

export function createSource(db: VigiaDatabase, caseId: string, input: SourceInput): Promise<Validated<Source>> {
  return createRecord(db, 'sources', caseId, { author: '', keptAt: '', attachmentIds: [], notes: '', ...input });
}

export function updateSource(
  db: VigiaDatabase,
  sourceId: string,
  patch: Partial<EditableFields<'sources'>>,
): Promise<Validated<Source>> {
  return updateRecord(db, 'sources', sourceId, patch);
}

export function deleteSource(db: VigiaDatabase, sourceId: string): Promise<Validated<Source>> {
  return deleteRecord(db, 'sources', sourceId);
}
