import type { ImportPlan, PlannedChange } from '../../../shared/import/plan-types';
import type { FieldIssue, ImportOrigin, Validated } from '../../../shared/model';
import type { VigiaDatabase } from '../../db/database';
import { recordUndoable, type UndoableAction } from '../../db/undo';
import { createRecord, restoreRecord, updateRecord, type EditableFields } from '../../db/write';

export type ApplyOutcome = { ok: true; written: number; action: UndoableAction | undefined } | { ok: false; issues: FieldIssue[] } | { ok: false; cancelled: true };

class Cancelled extends Error {}

/**
 * Writes a planned import in ONE transaction, through the repositories (validation, stamps, audit),
 * so that it is one undoable action; a refusal, a crash or `isCancelled()` rolls all of it back and
 * the case is as it was. A record the plan creates under an id that an undone import left as a
 * tombstone (a file's Source, a gazetteer prison) is restored and brought up to date instead.
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
      let done = 0;
      for (const change of plan.changes) {
        if (isCancelled()) throw new Cancelled();
        const written = await writeChange(db, caseId, change, originsOf(change));
        if (!written.ok) return { ok: false, issues: written.issues.map((i) => ({ ...i, path: `${change.table}.${i.path}` })) };
        done++;
        if (done % 50 === 0 || done === total) onProgress(done, total);
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

async function writeChange(db: VigiaDatabase, caseId: string, change: PlannedChange, importedFrom: ImportOrigin[]): Promise<Validated<unknown>> {
  const table = change.table;
  const fields = change.fields as unknown as EditableFields<typeof table>;
  if (change.status === 'updated') {
    const patch = Object.fromEntries([...change.changed, 'sourceIds'].filter((k) => k in fields).map((k) => [k, (fields as Record<string, unknown>)[k]]));
    return updateRecord(db, table, change.id, patch, importedFrom);
  }
  const tombstone = await db.caseTable(table).get(change.id);
  if (tombstone?.deleted) {
    const restored = await restoreRecord(db, table, change.id);
    if (!restored.ok) return restored;
    return updateRecord(db, table, change.id, fields, importedFrom);
  }
  return createRecord(db, table, caseId, fields, change.id, importedFrom);
}
