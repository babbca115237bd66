import { editRecord } from '../merge/edit-record';
import type { CaseRecord } from '../merge/merge-record';
import type { RecordMeta } from '../model/records';
import type { ExistingCase, ImportPlan, PlannedTable } from './plan-types';

/** Who writes the import and when: one stamp for the whole import, as it is one action. */
export interface ImportStamp {
  at: number;
  hlc: string;
  by: string;
}

export interface MaterialisedRecord {
  table: PlannedTable;
  record: CaseRecord;
}

/**
 * The plan's changes as stored records: new ones with fresh bookkeeping, updated ones through
 * `editRecord` (so that the merge sees exactly the changed fields as new). Used where records are
 * written without the renderer's repositories: the command line's case folder, tests, the benchmark.
 */
export function materialisePlan(plan: ImportPlan, existing: ExistingCase, stamp: ImportStamp): MaterialisedRecord[] {
  const byId = new Map<string, RecordMeta>();
  for (const table of ['persons', 'prisons', 'stays', 'sentences', 'links', 'events', 'sources'] as const) {
    for (const record of existing[table]) byId.set(record.id, record);
  }
  return plan.changes.map((change) => {
    if (change.status === 'new') {
      const record = {
        ...(change.fields as object),
        id: change.id,
        caseId: existing.caseId,
        createdAt: stamp.at,
        updatedAt: stamp.at,
        hlc: stamp.hlc,
        fieldClocks: {},
        updatedBy: stamp.by,
        deleted: 0,
      } as CaseRecord;
      return { table: change.table, record };
    }
    const before = byId.get(change.id) as CaseRecord;
    const values = change.fields as unknown as Record<string, unknown>;
    const changes = Object.fromEntries([...change.changed, 'sourceIds'].filter((k) => k in values || k in before).map((k) => [k, values[k]]));
    return { table: change.table, record: editRecord(before, changes, stamp.hlc, stamp.by, stamp.at) };
  });
}
