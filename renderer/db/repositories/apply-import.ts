import type { ImportPlan, PlannedChange, PlannedTable } from '../../../shared/import/plan-types';
import { editRecord } from '../../../shared/merge/edit-record';
import type { CaseRecord } from '../../../shared/merge/merge-record';
import type { FieldIssue, ImportOrigin, Validated } from '../../../shared/model';
import { appendAuditBatch, type AuditChange } from '../audit-log';
import { signChange } from '../author';
import type { VigiaDatabase } from '../database';
import { recordUndoable, type UndoableAction } from '../undo';

export type ApplyOutcome = { ok: true; written: number; action: UndoableAction | undefined } | { ok: false; issues: FieldIssue[] } | { ok: false; cancelled: true };

class Cancelled extends Error {}

/** Tables in the order records point at each other: a stay's person and prison are written first. */
const ORDER: readonly PlannedTable[] = ['sources', 'prisons', 'persons', 'stays', 'sentences', 'links', 'events'];
/** Records per bulk write: progress and cancel are checked between chunks. */
const CHUNK = 2_000;

/**
 * Writes a planned import in ONE transaction, as one undoable action: a refusal, a crash or
 * `isCancelled()` rolls all of it back and the case is as it was. Records are stamped with one clock
 * stamp (one analyst action) and written in bulk, each with its own hash-chained audit entry naming
 * the rows it came from; tens of thousands of single repository writes would take minutes. The plan
 * checked every record against its schema and every reference against the case and the import, so
 * nothing is validated twice here. A record the plan creates under an id that an undone import left
 * as a tombstone (a file's Source, a gazetteer prison) is brought back and up to date instead.
 */
export async function applyImport(
  db: VigiaDatabase,
  caseId: string,
  plan: ImportPlan,
  onProgress: (done: number, total: number) => void,
  isCancelled: () => boolean,
): Promise<ApplyOutcome> {
  const total = plan.changes.length;
  const shaOf = new Map(plan.files.map((f) => [f.fileName, f.sha256]));
  // History says where each record came from: "imported from <file> (sha-256 …), sheet S, row N".
  const originsOf = (change: PlannedChange): ImportOrigin[] =>
    change.origins.flatMap((o) => {
      const sha256 = shaOf.get(o.file);
      return sha256 ? [{ file: o.file.slice(0, 300), sha256, sheet: o.sheet.slice(0, 200), row: o.row }] : [];
    });
  try {
    const { result, action } = await recordUndoable(db, caseId, async (): Promise<Validated<number>> => {
      const author = await signChange(db);
      let done = 0;
      for (const table of ORDER) {
        const changes = plan.changes.filter((c) => c.table === table);
        for (let at = 0; at < changes.length; at += CHUNK) {
          if (isCancelled()) throw new Cancelled();
          const chunk = changes.slice(at, at + CHUNK);
          const store = db.caseTable(table);
          const current = (await store.bulkGet(chunk.map((c) => c.id))) as (CaseRecord | undefined)[];
          const records: CaseRecord[] = [];
          const audit: AuditChange[] = [];
          for (const [i, change] of chunk.entries()) {
            const before = current[i];
            const fields = withoutUndefined(change.fields as unknown as Record<string, unknown>);
            const importedFrom = originsOf(change);
            if (!before) {
              if (change.status === 'updated') return { ok: false, issues: [{ path: `${table}.id`, code: 'not_found' }] };
              const record = {
                ...fields,
                id: change.id,
                caseId,
                createdAt: author.at,
                updatedAt: author.at,
                hlc: author.stamp,
                fieldClocks: {},
                updatedBy: author.workstationId,
                deleted: 0,
              } as CaseRecord;
              records.push(record);
              audit.push({ caseId, action: 'create', table, recordId: change.id, after: record, importedFrom });
              continue;
            }
            if (change.status === 'new' && !before.deleted) return { ok: false, issues: [{ path: `${table}.id`, code: 'duplicate_id' }] };
            const keys = change.status === 'new' ? [...Object.keys(fields), 'deleted'] : [...change.changed, 'sourceIds'].filter((k) => k in fields);
            const patch = Object.fromEntries(keys.map((k) => [k, k === 'deleted' ? 0 : fields[k]]));
            const record = withoutUndefined(editRecord(before, patch as Partial<CaseRecord>, author.stamp, author.workstationId, author.at)) as CaseRecord;
            records.push(record);
            audit.push({ caseId, action: 'update', table, recordId: change.id, before: pick(before, keys), after: pick(record, keys), importedFrom });
          }
          await store.bulkPut(records as never[]);
          await appendAuditBatch(db, author, caseId, audit);
          done += chunk.length;
          onProgress(done, total);
        }
      }
      return { ok: true, value: done };
    });
    if (!result.ok) return { ok: false, issues: result.issues };
    return { ok: true, written: result.value, action };
  } catch (error) {
    if (error instanceof Cancelled) return { ok: false, cancelled: true };
    throw error;
  }
}

function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function pick(record: object, keys: readonly string[]): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(keys.filter((k) => source[k] !== undefined).map((k) => [k, source[k]]));
}
