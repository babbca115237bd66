import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../model/audit';
import { chainEntry, type AuditFields } from '../audit/chain';
import { caseAsKnownOn, endOfDay, type KnownCase, type KnownRecord } from './as-known-on';

// Edit histories as a workstation lives them: the case arrives whole (records without `create`
// entries, one `import`), the analyst creates, renames, deletes and restores, and bundles from a
// colleague add records (no local `create`: the bundle log says when) or change them (a local
// `update` with the bundle's id). Their own chain travels along and must not count as "here".
type Step =
  | { kind: 'create'; id: number; name: string }
  | { kind: 'update'; id: number; name: string; viaBundle: boolean }
  | { kind: 'toggleAlias'; id: number }
  | { kind: 'delete'; id: number }
  | { kind: 'restore'; id: number }
  | { kind: 'bundleAdds'; ids: number[]; name: string };

const id = fc.nat(5);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), id, name: fc.string({ maxLength: 4 }) }),
  fc.record({ kind: fc.constant('update' as const), id, name: fc.string({ maxLength: 4 }), viaBundle: fc.boolean() }),
  fc.record({ kind: fc.constant('toggleAlias' as const), id }),
  fc.record({ kind: fc.constant('delete' as const), id }),
  fc.record({ kind: fc.constant('restore' as const), id }),
  fc.record({ kind: fc.constant('bundleAdds' as const), ids: fc.uniqueArray(id, { maxLength: 3 }), name: fc.string({ maxLength: 4 }) }),
);

type State = Map<string, KnownRecord>;
const START = 1_700_000_000_000;

function play(initial: number[], steps: Step[]) {
  const live: State = new Map();
  const journal: AuditEntry[] = [];
  const travelled: AuditEntry[] = [];
  const bundleArrivals: { at: number; recordIds: string[] }[] = [];
  const snapshots: { at: number; state: State }[] = [];
  let at = START;
  const write = (recordId: string, fields: Pick<AuditFields, 'action' | 'before' | 'after'> & { bundleId?: string }, table = 'persons') =>
    journal.push(
      chainEntry(journal.at(-1), {
        id: `audit:${journal.length + 1}`,
        caseId: 'case:1',
        at,
        hlc: `${String(at).padStart(13, '0')}-0000-ws-a`,
        analyst: 'Ana',
        workstationId: 'ws-a',
        table,
        recordId,
        ...fields,
      }),
    );
  const colleagueWrote = (recordId: string, after: unknown) =>
    travelled.push(
      chainEntry(travelled.at(-1), {
        id: `audit:b${travelled.length + 1}`,
        caseId: 'case:1',
        at: at - 500,
        hlc: `${String(at - 500).padStart(13, '0')}-0000-ws-b`,
        analyst: 'Bea',
        workstationId: 'ws-b',
        action: 'create',
        table: 'persons',
        recordId,
        after,
      }),
    );
  const snap = () => snapshots.push({ at, state: new Map([...live].map(([k, v]) => [k, structuredClone(v)])) });

  at += 1000;
  for (const n of initial) live.set(`person:${n}`, { id: `person:${n}`, primaryName: `P${n}`, aliases: ['x'], deleted: 0, createdAt: START - 10_000 });
  write('case:1', { action: 'import', after: { counts: { persons: initial.length } } }, 'cases');
  snap();

  for (const s of steps) {
    at += 1000;
    const recordId = s.kind === 'bundleAdds' ? '' : `person:${s.id}`;
    const existing = live.get(recordId);
    if (s.kind === 'create' && !existing) {
      const record = { id: recordId, primaryName: s.name, deleted: 0, createdAt: at };
      live.set(recordId, record);
      write(recordId, { action: 'create', after: structuredClone(record) });
    } else if (s.kind === 'update' && existing && existing.primaryName !== s.name) {
      write(recordId, {
        action: 'update',
        before: { primaryName: existing.primaryName },
        after: { primaryName: s.name },
        ...(s.viaBundle ? { bundleId: `bundle-${at}` } : {}),
      });
      existing.primaryName = s.name;
    } else if (s.kind === 'toggleAlias' && existing) {
      // A field cleared (absent after) or set where it was absent (absent before).
      if (existing.aliases !== undefined) {
        write(recordId, { action: 'update', before: { aliases: existing.aliases }, after: {} });
        delete existing.aliases;
      } else {
        write(recordId, { action: 'update', before: {}, after: { aliases: ['y'] } });
        existing.aliases = ['y'];
      }
    } else if ((s.kind === 'delete' || s.kind === 'restore') && existing) {
      const deleted = s.kind === 'delete' ? 1 : 0;
      if (existing.deleted === deleted) continue;
      write(recordId, { action: s.kind, before: { deleted: existing.deleted }, after: { deleted } });
      existing.deleted = deleted;
    } else if (s.kind === 'bundleAdds') {
      const added = s.ids.map((n) => `person:${n}`).filter((rid) => !live.has(rid));
      if (added.length === 0) continue;
      for (const rid of added) {
        const record = { id: rid, primaryName: s.name, deleted: 0, createdAt: at - 500 };
        live.set(rid, record);
        colleagueWrote(rid, structuredClone(record));
      }
      write('case:1', { action: 'import', after: { sender: 'Bea' }, bundleId: `bundle-${at}` }, 'cases');
      bundleArrivals.push({ at, recordIds: added });
    } else continue;
    snap();
  }
  const current: KnownCase = new Map([['persons', live]]);
  return { current, journal: [...journal, ...travelled], bundleArrivals, snapshots };
}

const persons = (records: KnownCase) => records.get('persons') ?? new Map();

describe('the case as known on a date', () => {
  it('equals what a snapshot taken at that moment held, for any edit history', () => {
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 3 }), fc.array(step, { maxLength: 40 }), (initial, steps) => {
        const played = play(initial, steps);
        for (const snapshot of played.snapshots) {
          // Any instant up to the next change sees the same state.
          for (const until of [snapshot.at, snapshot.at + 999]) {
            const known = caseAsKnownOn({ ...played, workstationId: 'ws-a', until });
            expect(known.ok).toBe(true);
            if (known.ok) expect(persons(known.records)).toEqual(snapshot.state);
          }
        }
        const before = caseAsKnownOn({ ...played, workstationId: 'ws-a', until: START });
        expect(before.ok && persons(before.records).size).toBe(0);
      }),
    );
  });

  it('leaves today untouched: nothing is undone at or after the last change', () => {
    const played = play([1], [{ kind: 'update', id: 1, name: 'Karim', viaBundle: false }]);
    const known = caseAsKnownOn({ ...played, workstationId: 'ws-a', until: Number.MAX_SAFE_INTEGER });
    expect(known.ok && known.undone).toBe(0);
    expect(known.ok && persons(known.records).get('person:1')).toEqual(played.current.get('persons')!.get('person:1'));
    // The input is not modified by a reconstruction.
    caseAsKnownOn({ ...played, workstationId: 'ws-a', until: START });
    expect(played.current.get('persons')!.get('person:1')!.primaryName).toBe('Karim');
  });

  it('refuses to present a past state from a broken journal, and says which chain broke where', () => {
    const played = play([], [
      { kind: 'create', id: 1, name: 'Karim' },
      { kind: 'update', id: 1, name: 'Kareem', viaBundle: false },
      { kind: 'delete', id: 1 },
    ]);
    const journal = [...played.journal];
    journal[2] = { ...journal[2]!, after: { primaryName: 'Someone else' } };
    expect(caseAsKnownOn({ ...played, journal, workstationId: 'ws-a', until: START })).toEqual({
      ok: false,
      workstationId: 'ws-a',
      chain: { ok: false, brokenAt: 3, reason: 'hash_mismatch' },
    });
  });

  it('ends a day at its last millisecond, in local time', () => {
    const end = new Date(endOfDay('2026-06-01'));
    expect([end.getFullYear(), end.getMonth(), end.getDate(), end.getHours(), end.getMinutes(), end.getMilliseconds()]).toEqual([2026, 5, 1, 23, 59, 999]);
  });
});
