import { CASE_TABLE_NAMES, type Stay, type Validated } from '../../../shared/model';
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

export interface TransferInput {
  personId: string;
  /** The prison the person is moved to. */
  prisonId: string;
  /** The day of the transfer: the old stay ends and the new one starts on it. */
  date: string;
  module?: string;
  cell?: string;
  sourceIds?: string[];
}

/** Thrown inside the transfer's transaction so that closing the old stay is rolled back too. */
class TransferRefused extends Error {
  constructor(readonly result: Validated<never>) {
    super('transfer refused');
  }
}

/**
 * A transfer: closes the person's open stay on `date` and opens the next one in `prisonId` from the
 * same day, in ONE transaction — both or neither. Refusals come back with the form's paths: `date`
 * when it is before the open stay began (or clashes with another stay), otherwise the new stay's.
 */
export async function transferStay(db: VigiaDatabase, caseId: string, input: TransferInput): Promise<Validated<Stay>> {
  const scope = [...CASE_TABLE_NAMES.map((table) => db.table(table)), db.audit, db.settings];
  try {
    return await db.transaction('rw', scope, async () => {
      const stays = await db.stays.where('personId').equals(input.personId).toArray();
      const open = stays.find((s) => !s.deleted && s.caseId === caseId && s.to === undefined);
      if (open) {
        const closed = await updateRecord(db, 'stays', open.id, { to: input.date });
        if (!closed.ok) throw new TransferRefused({ ok: false, issues: closed.issues.map((i) => ({ ...i, path: 'date' })) });
      }
      const opened = await createStay(db, caseId, {
        personId: input.personId,
        prisonId: input.prisonId,
        from: input.date,
        module: input.module,
        cell: input.cell,
        sourceIds: input.sourceIds ?? [],
      });
      if (!opened.ok) {
        throw new TransferRefused({ ok: false, issues: opened.issues.map((i) => (i.path === 'from' ? { ...i, path: 'date' } : i)) });
      }
      return opened;
    });
  } catch (error) {
    if (error instanceof TransferRefused) return error.result;
    throw error;
  }
}
