import { describe, expect, it } from 'vitest';
import { emptySnapshot, type CaseSnapshot } from '../model/tables';
import { fixturePerson } from '../bundle/test-support';
import { editRecord } from './edit-record';
import type { CaseRecord } from './merge-record';
import { mergeWrites, localRecordsOf, mergeSnapshots, planMerge } from './plan';

const t = (ms: number, node = 'ws-a', counter = 0) => `${String(ms).padStart(13, '0')}-${counter.toString(16).padStart(4, '0')}-${node}`;

function person(overrides: Partial<CaseRecord>): CaseRecord {
  return { ...(fixturePerson('person:p1') as unknown as CaseRecord), hlc: t(100), ...overrides } as CaseRecord;
}
function snapshotOf(...persons: CaseRecord[]): CaseSnapshot {
  const s = emptySnapshot();
  s.persons.push(...(persons as unknown as CaseSnapshot['persons']));
  return s;
}

describe('planMerge', () => {
  const base = person({});

  it('inserts new records and leaves identical ones unchanged', () => {
    const other = person({ id: 'person:p2' });
    const plan = planMerge(localRecordsOf(snapshotOf(base)), snapshotOf(base, other));
    expect(plan.new).toEqual([{ table: 'persons', record: other }]);
    expect(plan.unchanged).toEqual([{ table: 'persons', id: 'person:p1' }]);
    expect(plan.changed).toEqual([]);
    expect(mergeWrites(plan)).toEqual([{ table: 'persons', records: [other] }]);
  });

  it('keeps a field one colleague added when another later edits a different field (never set is not cleared)', () => {
    const { realName: _unset, ...withoutRealName } = base as CaseRecord & { realName?: unknown };
    const start = { ...withoutRealName } as CaseRecord;
    const added = editRecord(start, { realName: 'Karim B.' }, t(200, 'ws-a'), 'ws-a', 2);
    const renamed = editRecord(start, { primaryName: 'Abdelkader' }, t(300, 'ws-b'), 'ws-b', 3);
    for (const [a, b] of [[added, renamed], [renamed, added]] as const) {
      const merged = mergeSnapshots(snapshotOf(a), snapshotOf(b)).persons[0]!;
      expect(merged.realName).toBe('Karim B.');
      expect(merged.primaryName).toBe('Abdelkader');
    }
  });

  it('still lets a later clear win over an earlier value, and an earlier clear lose to a later value', () => {
    const named = editRecord(base, { realName: 'Karim B.' }, t(200, 'ws-a'), 'ws-a', 2);
    const cleared = editRecord(named, { realName: undefined }, t(300, 'ws-b'), 'ws-b', 3);
    for (const [a, b] of [[named, cleared], [cleared, named]] as const) {
      expect(mergeSnapshots(snapshotOf(a), snapshotOf(b)).persons[0]!.realName).toBeUndefined();
    }
    const renamedLater = editRecord(named, { realName: 'Karim Benali' }, t(400, 'ws-a'), 'ws-a', 4);
    for (const [a, b] of [[renamedLater, cleared], [cleared, renamedLater]] as const) {
      expect(mergeSnapshots(snapshotOf(a), snapshotOf(b)).persons[0]!.realName).toBe('Karim Benali');
    }
    // The clear survives a round trip through JSON (a bundle), which drops the undefined value itself.
    const travelled = JSON.parse(JSON.stringify(cleared)) as CaseRecord;
    expect(mergeSnapshots(snapshotOf(named), snapshotOf(travelled)).persons[0]!.realName).toBeUndefined();
  });

  it('keeps both colleagues’ edits to different fields of the same person', () => {
    const mine = editRecord(base, { notes: 'seen in module 3' }, t(200, 'ws-b'), 'ws-b', 2);
    const theirs = editRecord(base, { primaryName: 'Abdelkader' }, t(300, 'ws-a'), 'ws-a', 3);
    for (const [a, b] of [[mine, theirs], [theirs, mine]] as const) {
      const merged = mergeSnapshots(snapshotOf(a), snapshotOf(b)).persons[0]!;
      expect(merged.primaryName).toBe('Abdelkader');
      expect(merged.notes).toBe('seen in module 3');
      expect(merged.hlc).toBe(t(300, 'ws-a'));
      expect(merged.updatedBy).toBe('ws-a');
      expect(merged.fieldClocks.notes).toBe(t(200, 'ws-b'));
      expect(merged.fieldClocks.role).toBe(t(100));
      expect(merged.fieldClocks.primaryName).toBeUndefined();
    }
  });

  it('merges identifiers like every field: one colleague adds a NIS, the other an earlier note, both survive', () => {
    const mine = editRecord(base, { identifiers: [{ scheme: 'NIS', value: '0012345', sourceIds: [] }] }, t(300, 'ws-b'), 'ws-b', 3);
    const theirs = editRecord(base, { notes: 'transferred' }, t(200, 'ws-a'), 'ws-a', 2);
    for (const [a, b] of [[mine, theirs], [theirs, mine]] as const) {
      const merged = mergeSnapshots(snapshotOf(a), snapshotOf(b)).persons[0]!;
      expect(merged.identifiers).toEqual([{ scheme: 'NIS', value: '0012345', sourceIds: [] }]);
      expect(merged.notes).toBe('transferred');
    }
    // A person from before identifiers existed merges with one that has them.
    const merged = mergeSnapshots(snapshotOf(base), snapshotOf(mine)).persons[0]!;
    expect(merged.identifiers).toEqual([{ scheme: 'NIS', value: '0012345', sourceIds: [] }]);
  });

  it('lets the later edit of the same field win, keeps the losing value, and reports the conflict', () => {
    const mine = editRecord(base, { notes: 'mine' }, t(200, 'ws-b'), 'ws-b', 2);
    const theirs = editRecord(base, { notes: 'theirs' }, t(300, 'ws-a'), 'ws-a', 3);
    const plan = planMerge(localRecordsOf(snapshotOf(mine)), snapshotOf(theirs));
    expect(plan.changed).toHaveLength(1);
    expect(plan.changed[0]!.fields).toEqual([{ field: 'notes', winner: 'incoming', value: 'theirs', stamp: t(300, 'ws-a'), losingValue: 'mine', losingStamp: t(200, 'ws-b') }]);
    expect(plan.conflicts).toEqual([
      { table: 'persons', id: 'person:p1', field: 'notes', local: { value: 'mine', stamp: t(200, 'ws-b') }, incoming: { value: 'theirs', stamp: t(300, 'ws-a') }, winner: 'incoming' },
    ]);
    // The other way round, the local value wins and nothing is written, but the conflict is still shown.
    const back = planMerge(localRecordsOf(snapshotOf(theirs)), snapshotOf(mine));
    expect(back.unchanged).toHaveLength(1);
    expect(back.conflicts[0]!.winner).toBe('local');
  });

  it('reports no conflict for a field only one side changed since the last exchange', () => {
    const mine = base;
    const theirs = editRecord(base, { notes: 'new' }, t(300, 'ws-a'), 'ws-a', 3);
    const plan = planMerge(localRecordsOf(snapshotOf(mine)), snapshotOf(theirs), { since: t(150) });
    expect(plan.conflicts).toEqual([]);
    expect(plan.changed[0]!.fields.map((f) => f.field)).toEqual(['notes']);
  });

  it('applies a tombstone by its own clock, and an older tombstone loses to a later restore', () => {
    const tomb = editRecord(base, { deleted: 1 }, t(300, 'ws-a'), 'ws-a', 3);
    const plan = planMerge(localRecordsOf(snapshotOf(base)), snapshotOf(tomb));
    expect(plan.deleted.map((c) => c.after.deleted)).toEqual([1]);
    expect(plan.changed).toEqual([]);
    // An edit to another field after the deletion does not bring the person back…
    const edited = editRecord(base, { notes: 'late note' }, t(400, 'ws-b'), 'ws-b', 4);
    expect(mergeSnapshots(snapshotOf(tomb), snapshotOf(edited)).persons[0]!.deleted).toBe(1);
    // …but an explicit restore after it does.
    const restored = editRecord(tomb, { deleted: 0 }, t(500, 'ws-b'), 'ws-b', 5);
    expect(mergeSnapshots(snapshotOf(tomb), snapshotOf(restored)).persons[0]!.deleted).toBe(0);
  });

  it('says that importing the same bundle twice changes nothing', () => {
    const theirs = editRecord(base, { notes: 'theirs' }, t(300, 'ws-a'), 'ws-a', 3);
    const once = mergeSnapshots(snapshotOf(base), snapshotOf(theirs));
    const again = planMerge(localRecordsOf(once), snapshotOf(theirs));
    expect([again.new.length, again.changed.length, again.deleted.length, again.unchanged.length]).toEqual([0, 0, 0, 1]);
  });
});
