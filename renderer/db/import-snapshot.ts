import { CASE_TABLE_NAMES, type CaseSnapshot, type CaseTableName } from '../../shared/model';
import { appendAudit } from './audit-log';
import { signChange } from './author';
import { observeStamps } from './clock';
import type { VigiaDatabase } from './database';
import { getWorkstation } from './settings';
import { caseIdOf } from '../../shared/model';

export interface ImportOptions {
  /** Called after each chunk is written (and once at the start with 0). Must not await. */
  onProgress?: (done: number, total: number) => void;
  /** Records per bulkPut: large enough to be fast, small enough to report progress often. */
  chunkSize?: number;
  /** The bundle the records came from, written into the audit entry. */
  bundleId?: string;
}

export type TableCounts = Record<CaseTableName, number>;

export interface ImportReport {
  counts: TableCounts;
  /** The cases the snapshot's records belong to; each got one `import` audit entry. */
  caseIds: string[];
  /** Records whose clock stamp lay too far in the future to fold into this workstation's clock. */
  futureStamps: number;
}

const DEFAULT_CHUNK = 2_000;

/**
 * Writes every record of a snapshot (demo data, later a bundle) as it is, in one `rw` transaction:
 * all or nothing. Records keep their ids, stamps and authors, so importing the same snapshot again
 * replaces them in place. The caller has validated (or generated) the snapshot; nothing but Dexie is
 * awaited here, so the caller must finish decrypting and checking before calling. Works in a Web
 * Worker as well as in the page.
 *
 * This is a plain replace, not the merge of sync bundles: local edits newer than the snapshot's are
 * overwritten.
 */
export async function importSnapshot(
  db: VigiaDatabase,
  snapshot: CaseSnapshot,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK);
  const counts = Object.fromEntries(CASE_TABLE_NAMES.map((t) => [t, snapshot[t].length])) as TableCounts;
  const total = CASE_TABLE_NAMES.reduce((sum, t) => sum + counts[t], 0);
  const countsByCase = countPerCase(snapshot);
  const scope = [...CASE_TABLE_NAMES.map((t) => db.table(t)), db.audit, db.settings];

  return db.transaction('rw', scope, async () => {
    let done = 0;
    options.onProgress?.(done, total);
    // One chunk is handed to the database while the one before is still being written: IndexedDB
    // writes a transaction's requests in order, in its own thread, so preparing the next chunk here
    // (sealing it, in a vault: the encryption middleware runs inside bulkPut) overlaps with the
    // writing instead of waiting for it. No more than two are in hand, to keep memory flat.
    let writing: Promise<void> | undefined;
    for (const table of CASE_TABLE_NAMES) {
      const records = snapshot[table];
      for (let start = 0; start < records.length; start += chunkSize) {
        const chunk = records.slice(start, start + chunkSize);
        const written = db
          .caseTable(table)
          .bulkPut(chunk as never[])
          .then(() => {
            done += chunk.length;
            options.onProgress?.(done, total);
          });
        // Should the chunk before fail, the transaction aborts and this one fails too, unawaited: handled here, not reported twice.
        written.catch(() => undefined);
        if (writing) await writing;
        writing = written;
      }
    }
    if (writing) await writing;

    // Later local changes (and the import entries themselves) must sort after the imported records.
    const { workstationId } = await getWorkstation(db);
    const { refused } = await observeStamps(db, workstationId, allStamps(snapshot));
    const importer = await signChange(db);
    for (const [caseId, caseCounts] of countsByCase) {
      await appendAudit(db, importer, {
        caseId,
        action: 'import',
        table: 'cases',
        recordId: caseId,
        after: { counts: caseCounts },
        ...(options.bundleId === undefined ? {} : { bundleId: options.bundleId }),
      });
    }
    return { counts, caseIds: [...countsByCase.keys()], futureStamps: refused };
  });
}

function* allStamps(snapshot: CaseSnapshot): Iterable<string> {
  for (const table of CASE_TABLE_NAMES) for (const record of snapshot[table]) yield record.hlc;
}

/** Counts per table for each case a snapshot touches (a bundle of changes may lack the case record). */
function countPerCase(snapshot: CaseSnapshot): Map<string, Partial<TableCounts>> {
  const perCase = new Map<string, Partial<TableCounts>>();
  for (const table of CASE_TABLE_NAMES) {
    for (const record of snapshot[table]) {
      const caseId = caseIdOf(table, record);
      const counts = perCase.get(caseId) ?? {};
      counts[table] = (counts[table] ?? 0) + 1;
      perCase.set(caseId, counts);
    }
  }
  return perCase;
}
