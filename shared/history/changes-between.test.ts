import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../model/audit';
import { chainEntry, type AuditFields } from '../audit/chain';
import { changesBetween } from './changes-between';

const day = 86_400_000;
const t0 = 1_700_000_000_000;

type Change = Pick<AuditFields, 'action' | 'recordId' | 'before' | 'after' | 'at'> & { bundleId?: string; table?: string };

function chain(workstationId: string, changes: Change[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const c of changes) {
    entries.push(
      chainEntry(entries.at(-1), {
        id: `audit:${workstationId}:${entries.length + 1}`,
        caseId: 'case:demo',
        hlc: `${String(c.at).padStart(13, '0')}-0000-${workstationId}`,
        analyst: workstationId === 'ws-a' ? 'Ana' : 'Bea',
        workstationId,
        table: c.table ?? 'persons',
        ...c,
      }),
    );
  }
  return entries;
}

describe('what changed between two dates', () => {
  const here = chain('ws-a', [
    { action: 'create', recordId: 'person:1', after: { primaryName: 'Karim', deleted: 0 }, at: t0 },
    { action: 'update', recordId: 'person:1', before: { primaryName: 'Karim' }, after: { primaryName: 'Kareem' }, at: t0 + day, bundleId: 'b-9C1E' },
    { action: 'import', recordId: 'case:demo', table: 'cases', after: { sender: 'Bea' }, at: t0 + day, bundleId: 'b-9C1E' },
    { action: 'create', recordId: 'person:2', after: { primaryName: 'Nadia', deleted: 0 }, at: t0 + day },
    { action: 'export', recordId: 'case:demo', table: 'cases', after: { fileName: 'red.graphml' }, at: t0 + day },
    { action: 'delete', recordId: 'person:1', before: { deleted: 0 }, after: { deleted: 1 }, at: t0 + 2 * day },
    { action: 'update', recordId: 'person:2', before: { primaryName: 'Nadia' }, after: { primaryName: 'Nadia R.' }, at: t0 + 2 * day },
    { action: 'delete', recordId: 'person:2', before: { deleted: 0 }, after: { deleted: 1 }, at: t0 + 3 * day },
    { action: 'restore', recordId: 'person:2', before: { deleted: 1 }, after: { deleted: 0 }, at: t0 + 3 * day },
  ]);
  // The colleague's own chain, with the colleague's dates: it says nothing about when things happened here.
  const theirs = chain('ws-b', [{ action: 'update', recordId: 'person:1', before: { primaryName: 'Karim' }, after: { primaryName: 'Kareem' }, at: t0 + day / 2 }]);
  const journal = [...theirs, ...here];

  it('groups per record what happened here, with the net effect, the entries in order and the bundle it came through', () => {
    const changes = changesBetween(journal, 'ws-a', t0 - 1, t0 + 3 * day);
    expect(changes.map((c) => [c.recordId, c.kind, c.entries.map((e) => e.action)])).toEqual([
      ['person:1', 'added_then_deleted', ['create', 'update', 'delete']],
      ['case:demo', 'changed', ['import']],
      ['person:2', 'added', ['create', 'update', 'delete', 'restore']],
    ]);
    expect(changes[0]!.entries[1]).toMatchObject({ bundleId: 'b-9C1E', analyst: 'Ana', after: { primaryName: 'Kareem' } });
  });

  it('leaves out what happened on or before the first moment and after the second, and exports', () => {
    expect(changesBetween(journal, 'ws-a', t0, t0 + day).map((c) => [c.recordId, c.kind])).toEqual([
      ['person:1', 'changed'],
      ['case:demo', 'changed'],
      ['person:2', 'added'],
    ]);
    expect(changesBetween(journal, 'ws-a', t0 + day, t0 + 2 * day).map((c) => [c.recordId, c.kind])).toEqual([
      ['person:1', 'deleted'],
      ['person:2', 'changed'],
    ]);
    expect(changesBetween(journal, 'ws-a', t0 + 2 * day, t0 + 3 * day).map((c) => [c.recordId, c.kind])).toEqual([['person:2', 'changed']]);
    expect(changesBetween(journal, 'ws-a', t0 + 3 * day, t0 + 9 * day)).toEqual([]);
  });

  it('says a record deleted before the window and restored in it was restored', () => {
    expect(changesBetween(journal, 'ws-a', t0 + 3 * day - 1, t0 + 3 * day).map((c) => c.kind)).toEqual(['changed']);
    const restoredOnly = chain('ws-a', [
      { action: 'delete', recordId: 'person:3', before: { deleted: 0 }, after: { deleted: 1 }, at: t0 },
      { action: 'restore', recordId: 'person:3', before: { deleted: 1 }, after: { deleted: 0 }, at: t0 + day },
    ]);
    expect(changesBetween(restoredOnly, 'ws-a', t0, t0 + day).map((c) => c.kind)).toEqual(['restored']);
  });
});
