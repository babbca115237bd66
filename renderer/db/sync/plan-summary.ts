import type { MergePlan } from '../../../shared/merge';
import { CASE_TABLE_NAMES, type CaseTableName } from '../../../shared/model';

export interface TableSummary {
  new: number;
  changed: number;
  deleted: number;
  conflicts: number;
}

/** What an import would do, per type of record, for the preview and the report (types with nothing to say left out). */
export function summarizePlan(plan: MergePlan): Array<{ table: CaseTableName } & TableSummary> {
  const rows = new Map<CaseTableName, TableSummary>();
  const row = (table: CaseTableName) => {
    let r = rows.get(table);
    if (!r) rows.set(table, (r = { new: 0, changed: 0, deleted: 0, conflicts: 0 }));
    return r;
  };
  for (const { table } of plan.new) row(table).new++;
  for (const { table } of plan.changed) row(table).changed++;
  for (const { table } of plan.deleted) row(table).deleted++;
  for (const { table } of plan.conflicts) row(table).conflicts++;
  return CASE_TABLE_NAMES.filter((t) => rows.has(t)).map((table) => ({ table, ...rows.get(table)! }));
}

export function planChangesNothing(plan: MergePlan): boolean {
  return plan.new.length + plan.changed.length + plan.deleted.length === 0;
}
