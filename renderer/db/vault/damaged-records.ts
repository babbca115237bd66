import type { DamagedReason, DamagedRecordError } from '../../../shared/vault/record-cipher';

/**
 * What this window could not read: stored records that did not open (their sealed bytes moved onto
 * another record, flipped or cut short, or their case's key gone), reported by the encryption
 * middleware of the window's database (encryption-middleware.ts, `onDamaged`), which leaves them out
 * of lists. Not case data: a report of what is not shown, by table and key, for the workstation to
 * say so (features/damaged-records). In memory only; emptied when that database is closed.
 */
export interface DamagedRecord {
  readonly table: string;
  /** The record's primary key as DamagedRecordError gives it: canonical JSON (`"person:12"`, `["case-1","view"]`). */
  readonly key: string;
  /** Why it did not open; for whoever diagnoses the workstation, not shown to the analyst. */
  readonly reason: DamagedReason;
}

/** One record's identity in the report: its table and key. */
export function damagedRecordId(record: Pick<DamagedRecord, 'table' | 'key'>): string {
  return `${record.table}\u0000${record.key}`;
}

export class DamagedRecords {
  private readonly seen = new Set<string>();
  /** A new array on every change: the snapshot React's useSyncExternalStore compares by identity. */
  private records: readonly DamagedRecord[] = [];
  private readonly listeners = new Set<() => void>();

  /**
   * Notes a damaged record, once: the same record is met again by every read that passes it (a live
   * query runs again on each change). Called inside IndexedDB transactions, so it only records and tells.
   */
  add(damaged: Pick<DamagedRecordError, 'table' | 'key' | 'reason'>): void {
    const id = damagedRecordId(damaged);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.records = [...this.records, { table: damaged.table, key: damaged.key, reason: damaged.reason }];
    this.tell();
  }

  /** Takes a record off the report once it has been written again (replaced by a bundle's copy). */
  forget(record: Pick<DamagedRecord, 'table' | 'key'>): void {
    const id = damagedRecordId(record);
    if (!this.seen.delete(id)) return;
    this.records = this.records.filter((damaged) => damaged.table !== record.table || damaged.key !== record.key);
    this.tell();
  }

  /** Every damaged record met so far, in the order they were met. */
  list(): readonly DamagedRecord[] {
    return this.records;
  }

  /** Calls `listener` after each change; returns the way to stop. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    if (this.records.length === 0) return;
    this.seen.clear();
    this.records = [];
    this.tell();
  }

  private tell(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/** This window's report (one database per window reports into it: the one its screens read). */
export const damagedRecords = new DamagedRecords();
