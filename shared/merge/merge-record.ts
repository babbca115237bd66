import { META_FIELDS, type RecordMeta } from '../model/records';
import { comparableJson } from '../json/canonical-json';

/**
 * Per-field last-writer-wins between two versions of one record. A field's stamp is its
 * `fieldClocks` entry if it has one; else `hlc` when the record has the field, and NEVER (before
 * every stamp) when it does not: a field this version never had (an identifier a colleague added, a
 * field newer than the version that wrote the record) loses to any value with a stamp, instead of
 * counting as cleared at the record's last change. A deliberate clear keeps an explicit clock
 * (editRecord writes one, and the canonical form keeps it even when it equals `hlc`), so it still
 * wins or loses by its own time. The higher stamp wins (stamps compare as strings and include the
 * workstation, so no two workstations tie). Equal stamps with different values cannot come from real
 * clocks, but are still settled the same way everywhere: the greater canonical JSON wins. The
 * tombstone `deleted` is a field like any other, so a deletion wins or loses by its own clock.
 */
export type CaseRecord = RecordMeta & Record<string, unknown>;

export type Side = 'local' | 'incoming';

export interface FieldOutcome {
  field: string;
  winner: Side;
  value: unknown;
  stamp: string;
  losingValue: unknown;
  losingStamp: string;
}

const META = new Set<string>(META_FIELDS);

/** Before every real stamp: the stamp of a field a version never had. */
export const NEVER = '';

export function stampOf(record: CaseRecord, field: string): string {
  return record.fieldClocks[field] ?? (record[field] === undefined ? NEVER : record.hlc);
}

/** The fields two versions of a record are compared on: everything but bookkeeping, plus the tombstone. */
export function mergedFields(a: CaseRecord, b: CaseRecord): string[] {
  const fields = new Set<string>(['deleted']);
  for (const key of [...Object.keys(a), ...Object.keys(b)]) if (!META.has(key)) fields.add(key);
  return [...fields].sort();
}

/** Which side wins one field, and with what. */
export function fieldOutcome(local: CaseRecord, incoming: CaseRecord, field: string): FieldOutcome {
  const l = { value: local[field], stamp: stampOf(local, field) };
  const i = { value: incoming[field], stamp: stampOf(incoming, field) };
  let incomingWins: boolean;
  if (i.stamp !== l.stamp) incomingWins = i.stamp > l.stamp;
  else incomingWins = comparableJson(i.value) > comparableJson(l.value);
  const [win, lose] = incomingWins ? [i, l] : [l, i];
  return { field, winner: incomingWins ? 'incoming' : 'local', value: win.value, stamp: win.stamp, losingValue: lose.value, losingStamp: lose.stamp };
}

/**
 * The merged record, in canonical form: `hlc` is the latest stamp of any field, `fieldClocks` lists
 * exactly the fields whose stamp is older than that, and `updatedBy`/`updatedAt` come from the
 * version with the later `hlc`. The result is the same whichever side is called local.
 */
export function mergeRecord(local: CaseRecord, incoming: CaseRecord): { record: CaseRecord; fields: FieldOutcome[] } {
  const fields = mergedFields(local, incoming).map((f) => fieldOutcome(local, incoming, f));
  const hlc = [local.hlc, incoming.hlc, ...fields.map((f) => f.stamp)].reduce((a, b) => (b > a ? b : a));
  const latest = laterVersion(local, incoming);
  const record: CaseRecord = {
    id: local.id,
    caseId: local.caseId,
    createdAt: Math.min(local.createdAt, incoming.createdAt),
    updatedAt: latest.updatedAt,
    hlc,
    fieldClocks: {},
    updatedBy: latest.updatedBy,
    deleted: 0,
  };
  for (const outcome of fields) {
    if (outcome.value !== undefined) record[outcome.field] = outcome.value;
    // A clear keeps its clock even at `hlc`: without one, an absent field reads as never set.
    const cleared = outcome.value === undefined && outcome.stamp !== NEVER;
    if ((outcome.stamp !== hlc || cleared) && outcome.stamp !== NEVER) record.fieldClocks[outcome.field] = outcome.stamp;
  }
  return { record: { ...record, deleted: record.deleted === 1 ? 1 : 0 }, fields };
}

function laterVersion(a: CaseRecord, b: CaseRecord): CaseRecord {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? a : b;
  return comparableJson([a.updatedAt, a.updatedBy]) >= comparableJson([b.updatedAt, b.updatedBy]) ? a : b;
}

/** Same values and same effective stamps, however `fieldClocks` happens to be written. */
export function sameRecord(a: CaseRecord, b: CaseRecord): boolean {
  return comparableJson(canonicalForm(a)) === comparableJson(canonicalForm(b));
}

export function canonicalForm(record: CaseRecord): CaseRecord {
  return mergeRecord(record, record).record;
}
