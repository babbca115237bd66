import {
  CASE_TABLE_NAMES,
  CASE_TABLES,
  META_FIELDS,
  formatStamp,
  newId,
  validate,
  type CaseRecordOf,
  type CaseTableName,
  type FieldIssue,
  type Fields,
  type RecordMeta,
  type Validated,
} from '../../shared/model';
import { definedFields, sameValue } from '../../shared/json';
import { editRecord } from '../../shared/merge/edit-record';
import { appendAudit } from './audit-log';
import { signChange } from './author';
import type { VigiaDatabase } from './database';
import { crossRecordIssues } from './rules';
import { caseIdOf } from '../../shared/model';

/** The fields an analyst edits in a record of `T`. */
export type EditableFields<T extends CaseTableName> = Fields<CaseRecordOf<T> & RecordMeta>;

/** Stands in for the real stamp and author while a record is checked, before the transaction. */
const PENDING_STAMP = formatStamp({ millis: 0, counter: 0, node: 'pending' });
const PENDING_AUTHOR = 'pending';

/** Every write takes the case tables, the audit log and the settings (clock) in one transaction. */
export function writeScope(db: VigiaDatabase) {
  return [...CASE_TABLE_NAMES.map((table) => db.table(table)), db.audit, db.settings];
}

function refuse<T>(path: string, code: string): Validated<T> {
  return { ok: false, issues: [{ path, code }] };
}

function refuseAll<T>(issues: FieldIssue[]): Validated<T> {
  return { ok: false, issues };
}

/** Keeps what the analyst may edit: bookkeeping fields cannot be set through a form. */
function editable(fields: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...fields };
  for (const meta of META_FIELDS) delete copy[meta];
  return copy;
}

/** Stored records are plain objects without `undefined` properties: a cleared field is absent. */
function withoutUndefined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function changedFields(before: object, after: object): string[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const meta of META_FIELDS) keys.delete(meta);
  return [...keys].filter((key) => sameValue(a[key], b[key]) === false).sort();
}


/** The new value of each changed field, `undefined` for a cleared one (so that it is removed). */
function changes(record: object, keys: readonly string[]): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}


/**
 * Creates a record: checks it against its schema (nothing is written when that fails), then in one
 * transaction checks the records it points at, stamps it and appends a `create` audit entry.
 */
export async function createRecord<T extends CaseTableName>(
  db: VigiaDatabase,
  table: T,
  caseId: string | undefined,
  fields: EditableFields<T>,
  id: string = newId(),
): Promise<Validated<CaseRecordOf<T>>> {
  const at = db.now();
  const candidate = {
    ...editable(fields),
    id,
    caseId: table === 'cases' ? id : caseId,
    createdAt: at,
    updatedAt: at,
    hlc: PENDING_STAMP,
    fieldClocks: {},
    updatedBy: PENDING_AUTHOR,
    deleted: 0,
  };
  const checked = validate(CASE_TABLES[table], withoutUndefined(candidate));
  if (!checked.ok) return refuseAll(checked.issues);
  const store = db.caseTable(table);

  return db.transaction('rw', writeScope(db), async () => {
    if (await store.get(id)) return refuse<CaseRecordOf<T>>('id', 'duplicate_id');
    const valid = withoutUndefined(checked.value as CaseRecordOf<T>);
    const issues = await crossRecordIssues(db, table, valid);
    if (issues.length > 0) return refuseAll<CaseRecordOf<T>>(issues);

    const author = await signChange(db);
    const record = {
      ...valid,
      createdAt: author.at,
      updatedAt: author.at,
      hlc: author.stamp,
      updatedBy: author.workstationId,
    } as CaseRecordOf<T>;
    await store.add(record);
    await appendAudit(db, author, { caseId: caseIdOf(table, record), action: 'create', table, recordId: id, after: record });
    return { ok: true as const, value: record };
  });
}

/**
 * Changes some fields of a live record. Only fields whose value really changes get a new field
 * clock; a patch that changes nothing writes nothing. The audit entry keeps those fields before
 * and after, which is what History shows and what undo needs.
 */
export async function updateRecord<T extends CaseTableName>(
  db: VigiaDatabase,
  table: T,
  id: string,
  patch: Partial<EditableFields<T>>,
): Promise<Validated<CaseRecordOf<T>>> {
  const store = db.caseTable(table);
  return db.transaction('rw', writeScope(db), async () => {
    const existing = (await store.get(id)) as CaseRecordOf<T> | undefined;
    if (!existing) return refuse<CaseRecordOf<T>>('id', 'not_found');
    if (existing.deleted) return refuse<CaseRecordOf<T>>('id', 'record_deleted');

    // Keys present in the patch with `undefined` clear the field.
    const merged = withoutUndefined({ ...existing, ...editable(patch) });
    const checked = validate(CASE_TABLES[table], merged);
    if (!checked.ok) return refuseAll<CaseRecordOf<T>>(checked.issues);
    const valid = withoutUndefined(checked.value as CaseRecordOf<T>);
    const changed = changedFields(existing, valid);
    if (changed.length === 0) return { ok: true as const, value: existing };
    const issues = await crossRecordIssues(db, table, valid);
    if (issues.length > 0) return refuseAll<CaseRecordOf<T>>(issues);

    const author = await signChange(db);
    // editRecord writes down the older stamps of the fields that did not change before raising
    // `hlc`; otherwise the merge would take every field of this record as changed now.
    const record = withoutUndefined(
      editRecord(existing, changes(valid, changed) as Partial<CaseRecordOf<T>>, author.stamp, author.workstationId, author.at),
    ) as CaseRecordOf<T>;
    await store.put(record);
    await appendAudit(db, author, {
      caseId: caseIdOf(table, record),
      action: 'update',
      table,
      recordId: id,
      before: definedFields(existing, changed),
      after: definedFields(record, changed),
    });
    return { ok: true as const, value: record };
  });
}

/** Deletion is a tombstone (`deleted: 1`): a colleague's later edit must still find the record. */
export function deleteRecord<T extends CaseTableName>(
  db: VigiaDatabase,
  table: T,
  id: string,
): Promise<Validated<CaseRecordOf<T>>> {
  return setTombstone(db, table, id, 1);
}

/** Brings a tombstoned record back, after checking it still fits (its person, no overlapping stay…). */
export function restoreRecord<T extends CaseTableName>(
  db: VigiaDatabase,
  table: T,
  id: string,
): Promise<Validated<CaseRecordOf<T>>> {
  return setTombstone(db, table, id, 0);
}

async function setTombstone<T extends CaseTableName>(
  db: VigiaDatabase,
  table: T,
  id: string,
  deleted: 0 | 1,
): Promise<Validated<CaseRecordOf<T>>> {
  const store = db.caseTable(table);
  return db.transaction('rw', writeScope(db), async () => {
    const existing = (await store.get(id)) as CaseRecordOf<T> | undefined;
    if (!existing) return refuse<CaseRecordOf<T>>('id', 'not_found');
    if (existing.deleted === deleted) return { ok: true as const, value: existing };
    if (deleted === 0) {
      const issues = await crossRecordIssues(db, table, { ...existing, deleted: 0 });
      if (issues.length > 0) return refuseAll<CaseRecordOf<T>>(issues);
    }

    const author = await signChange(db);
    const record = editRecord(
      existing,
      { deleted } as Partial<CaseRecordOf<T>>,
      author.stamp,
      author.workstationId,
      author.at,
    );
    await store.put(record);
    await appendAudit(db, author, {
      caseId: caseIdOf(table, record),
      action: deleted ? 'delete' : 'restore',
      table,
      recordId: id,
      before: { deleted: existing.deleted },
      after: { deleted },
    });
    return { ok: true as const, value: record };
  });
}
