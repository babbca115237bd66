import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../model/audit';
import { chainEntry, type AuditFields } from '../audit/chain';
import { changesBetween } from './changes-between';

const day = 86_400_000;
const t0 = 1_700_000_000_000;

function journal(changes: (Pick<AuditFields, 'action' | 'recordId' | 'before' | 'after' | 'at'> & { bundleId?: string })[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const c of changes) {
    entries.push(
      chainEntry(entries.at(-1), {
        id: `audit:${entries.length + 1}`,
        caseId: 'case:demo',
        hlc: `${String(c.at).padStart(13, '0')}-0000-ws-a`,
        analyst: 'Ana',
        workstationId: 'ws-a',
        table: 'persons',
        ...c,
      }),
    );
  }
  return entries;
}

describe('what changed between two dates', () => {
  const entries = journal([
    { action: 'create', recordId: 'person:1', after: { primaryName: 'Karim', deleted: 0 }, at: t0 },
    { action: 'update', recordId: 'person:1', before: { primaryName: 'Karim' }, after: { primaryName: 'Kareem' }, at: t0 + day, bundleId: 'b-9C1E' },
    { action: 'delete', recordId: 'person:1', before: { deleted: 0 }, after: { deleted: 1 }, at: t0 + 2 * day },
  ]);

  it('lists per record and field what was added, changed and deleted, who did it and through which bundle', () => {
    const changes = changesBetween(entries, t0 - 1, t0 + 2 * day);
    expect(changes.map((c) => c.kind)).toEqual(['added', 'changed', 'deleted']);
    expect(changes[1]).toMatchObject({
      recordId: 'person:1',
      analyst: 'Ana',
      bundleId: 'b-9C1E',
      fields: [{ field: 'primaryName', before: 'Karim', after: 'Kareem' }],
    });
    expect(changes[0]!.bundleId).toBeUndefined();
    expect(changes[2]!.fields).toEqual([{ field: 'deleted', before: 0, after: 1 }]);
  });

  it('leaves out what happened on or before the first date and after the second', () => {
    expect(changesBetween(entries, t0, t0 + day).map((c) => c.kind)).toEqual(['changed']);
    expect(changesBetween(entries, t0 + 2 * day, t0 + 3 * day)).toEqual([]);
  });
});
