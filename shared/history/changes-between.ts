import type { AuditEntry } from '../model/audit';

export type RecordChangeKind = 'added' | 'changed' | 'deleted' | 'restored';

/** One change to one record between two dates, as the journal wrote it here. */
export interface RecordChange {
  table: string;
  recordId: string;
  kind: RecordChangeKind;
  /** The fields it touched, with their value before and after. */
  fields: { field: string; before: unknown; after: unknown }[];
  analyst: string;
  workstationId: string;
  /** When it was written on this workstation. */
  at: number;
  /** Set when it arrived in a bundle. */
  bundleId?: string;
}

/**
 * What changed after `from` and up to `to` (epoch ms, `from` exclusive, `to` inclusive), per
 * record and field, in the order it was written here. Reads a journal already verified.
 */
export function changesBetween(entries: readonly AuditEntry[], from: number, to: number): RecordChange[] {
  return [...entries]
    .filter((entry) => entry.at > from && entry.at <= to)
    .sort((a, b) => a.seq - b.seq)
    .map((entry) => {
      const before = asFields(entry.before);
      const after = asFields(entry.after);
      const names = entry.action === 'create' ? Object.keys(after) : [...new Set([...Object.keys(before), ...Object.keys(after)])];
      const change: RecordChange = {
        table: entry.table,
        recordId: entry.recordId,
        kind: kindOf(entry),
        fields: names.sort().map((field) => ({ field, before: before[field], after: after[field] })),
        analyst: entry.analyst,
        workstationId: entry.workstationId,
        at: entry.at,
      };
      if (entry.bundleId !== undefined) change.bundleId = entry.bundleId;
      return change;
    });
}

function kindOf(entry: AuditEntry): RecordChangeKind {
  if (entry.action === 'create') return 'added';
  if (entry.action === 'delete') return 'deleted';
  if (entry.action === 'restore') return 'restored';
  return 'changed';
}

function asFields(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
