import { DIRECTED_LINK_KINDS, type Link, type Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../database';
import { createRecord, deleteRecord, updateRecord, type EditableFields } from '../write';

export type LinkInput = Pick<EditableFields<'links'>, 'kind' | 'fromId' | 'toId' | 'grading'> & Partial<EditableFields<'links'>>;

/**
 * Links a person to another. Letters, calls, visits, recruitment and leadership are directed unless
 * the caller says otherwise. Refused with `self_link` or `missing_person`.
 */
export function createLink(db: VigiaDatabase, caseId: string, input: LinkInput): Promise<Validated<Link>> {
  return createRecord(db, 'links', caseId, {
    directed: DIRECTED_LINK_KINDS.has(input.kind),
    sourceIds: [],
    notes: '',
    ...input,
  });
}

export function updateLink(db: VigiaDatabase, linkId: string, patch: Partial<EditableFields<'links'>>): Promise<Validated<Link>> {
  return updateRecord(db, 'links', linkId, patch);
}

export function deleteLink(db: VigiaDatabase, linkId: string): Promise<Validated<Link>> {
  return deleteRecord(db, 'links', linkId);
}
