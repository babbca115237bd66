import { META_FIELDS } from '../model/records';
import { stampOf, type CaseRecord } from './merge-record';

const META = new Set<string>(META_FIELDS);

/**
 * A local edit, stamped so that the merge can tell it apart from older fields: because a field with
 * no `fieldClocks` entry counts as changed at the record's `hlc`, raising `hlc` must first write down
 * the stamps of the fields that did not change. Repositories stamp every edit through this.
 */
export function editRecord<T extends CaseRecord>(record: T, changes: Partial<T>, stamp: string, workstation: string, at: number): T {
  const fieldClocks: Record<string, string> = {};
  for (const key of [...Object.keys(record), 'deleted']) {
    if (key !== 'deleted' && META.has(key)) continue;
    fieldClocks[key] = stampOf(record, key);
  }
  for (const key of Object.keys(changes)) if (key === 'deleted' || !META.has(key)) fieldClocks[key] = stamp;
  for (const key of Object.keys(fieldClocks)) if (fieldClocks[key] === stamp) delete fieldClocks[key];
  return { ...record, ...changes, hlc: stamp, fieldClocks, updatedBy: workstation, updatedAt: at };
}
