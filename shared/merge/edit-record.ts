import { META_FIELDS } from '../model/records';
import { NEVER, stampOf, type CaseRecord } from './merge-record';

const META = new Set<string>(META_FIELDS);

/**
 * A local edit, stamped so that the merge can tell it apart from older fields: because a present
 * field with no `fieldClocks` entry counts as changed at the record's `hlc`, raising `hlc` must first
 * write down the stamps of the fields that did not change, and a field cleared now keeps a clock of
 * its own (merge-record.ts). Repositories stamp every edit through this.
 */
export function editRecord<T extends CaseRecord>(record: T, changes: Partial<T>, stamp: string, workstation: string, at: number): T {
  const fieldClocks: Record<string, string> = {};
  for (const key of [...Object.keys(record), 'deleted']) {
    if (key !== 'deleted' && META.has(key)) continue;
    fieldClocks[key] = stampOf(record, key);
  }
  for (const key of Object.keys(changes)) if (key === 'deleted' || !META.has(key)) fieldClocks[key] = stamp;
  const edited = { ...record, ...changes } as Record<string, unknown>;
  for (const key of Object.keys(fieldClocks)) {
    // Fields never set keep no clock (NEVER); a field cleared now keeps its clock though it equals
    // `hlc`, or the merge would read the clear as "never set" (merge-record.ts).
    if (fieldClocks[key] === NEVER || (fieldClocks[key] === stamp && edited[key] !== undefined)) delete fieldClocks[key];
  }
  return { ...record, ...changes, hlc: stamp, fieldClocks, updatedBy: workstation, updatedAt: at };
}
