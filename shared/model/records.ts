import { z } from 'zod';
import { isStamp } from './hlc';
import { isRecordId } from './ids';

export const recordId = z.string().refine(isRecordId, { error: 'invalid_id' });
export const hlcStamp = z.string().refine(isStamp, { error: 'invalid_stamp' });

/**
 * What every case record carries so that two workstations can merge without a schema change:
 * - `hlc`: the stamp of the record's last change; `fieldClocks`: the stamp of each field's last
 *   change, so that edits to different fields of one record both survive a merge;
 * - `updatedBy`: the workstation that made the last change;
 * - `deleted`: a tombstone (0 | 1, so that IndexedDB can index it) — records are never removed
 *   while a colleague might still send an edit to them.
 */
export const recordMeta = {
  id: recordId,
  caseId: recordId,
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  hlc: hlcStamp,
  fieldClocks: z.record(z.string(), hlcStamp),
  updatedBy: z.string().min(1).max(128),
  deleted: z.literal([0, 1]),
};

export const META_FIELDS = [
  'id',
  'caseId',
  'createdAt',
  'updatedAt',
  'hlc',
  'fieldClocks',
  'updatedBy',
  'deleted',
] as const;
export type MetaField = (typeof META_FIELDS)[number];

export interface RecordMeta {
  id: string;
  caseId: string;
  createdAt: number;
  updatedAt: number;
  hlc: string;
  fieldClocks: Record<string, string>;
  updatedBy: string;
  deleted: 0 | 1;
}

/** The fields an analyst edits: a record without its bookkeeping. */
export type Fields<T extends RecordMeta> = Omit<T, MetaField>;

/** Free text fields are bounded so a hostile bundle cannot fill the disk through one record. */
export const MAX_TEXT = 20_000;
export const MAX_NAME = 300;
export const text = z.string().max(MAX_TEXT, { error: 'too_long' });
export const name = z.string().trim().min(1, { error: 'empty_name' }).max(MAX_NAME, { error: 'too_long' });
export const sourceIds = z.array(recordId).max(1000);

/**
 * The case a record belongs to. A case record is its own case (its `caseId` is its id, but a record
 * read from a bundle may not say so), every other record names its case in `caseId`.
 */
export function caseIdOf(table: string, record: Pick<RecordMeta, 'id'> & { caseId?: unknown }): string {
  return table === 'cases' ? record.id : (record.caseId as string);
}
