import type { AuditEntry } from '../model/audit';

export type RecordChangeKind = 'added' | 'changed' | 'deleted' | 'restored' | 'added_then_deleted';

/** What happened to one record between two moments, with the journal entries that say so, oldest first. */
export interface RecordChanges {
  table: string;
  recordId: string;
  /** The net effect: a record created and renamed in the window was "added"; deleted and restored, "changed". */
  kind: RecordChangeKind;
  entries: AuditEntry[];
}

/**
 * What changed after `from` and up to `to` (epoch ms; `from` exclusive, `to` inclusive), per record,
 * in the order the records were first touched. Only this workstation's chain counts: it says when
 * something happened *here*, including a bundle's changes when they were applied (their entries
 * carry the bundle's id); the colleague's own entries keep the colleague's dates. Exports change no
 * record and are left out; a bundle's or spreadsheet's `import` entry is kept, on the case. The
 * caller verifies the chains first.
 */
export function changesBetween(journal: readonly AuditEntry[], workstationId: string, from: number, to: number): RecordChanges[] {
  const byRecord = new Map<string, RecordChanges>();
  const local = journal.filter((e) => e.workstationId === workstationId && e.at > from && e.at <= to && e.action !== 'export');
  for (const entry of local.sort((a, b) => a.seq - b.seq)) {
    const key = `${entry.table}\u0000${entry.recordId}`;
    const changes = byRecord.get(key) ?? { table: entry.table, recordId: entry.recordId, kind: 'changed' as RecordChangeKind, entries: [] };
    changes.entries.push(entry);
    byRecord.set(key, changes);
  }
  for (const changes of byRecord.values()) changes.kind = netKind(changes.entries);
  return [...byRecord.values()];
}

function netKind(entries: readonly AuditEntry[]): RecordChangeKind {
  const created = entries[0]!.action === 'create';
  const deletedAtEnd = lastTombstone(entries);
  if (created) return deletedAtEnd === 1 ? 'added_then_deleted' : 'added';
  const deletedAtStart = entries.find((e) => e.action === 'delete' || e.action === 'restore');
  if (deletedAtEnd === undefined || !deletedAtStart) return 'changed';
  // A tombstone that ends where it started (deleted and restored) is a change, not a deletion.
  const startedDeleted = deletedAtStart.action === 'restore';
  if (deletedAtEnd === 1 && !startedDeleted) return 'deleted';
  if (deletedAtEnd === 0 && startedDeleted) return 'restored';
  return 'changed';
}

/** The tombstone after the last delete or restore among the entries, if any. */
function lastTombstone(entries: readonly AuditEntry[]): 0 | 1 | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const action = entries[i]!.action;
    if (action === 'delete') return 1;
    if (action === 'restore') return 0;
  }
  return undefined;
}
