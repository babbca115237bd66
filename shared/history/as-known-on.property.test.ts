import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../model/audit';
import { chainEntry, type AuditFields } from '../audit/chain';
import { caseAsKnownOn, type KnownCase } from './as-known-on';

type Step =
  | { kind: 'create'; id: number; name: string }
  | { kind: 'update'; id: number; name: string }
  | { kind: 'delete'; id: number }
  | { kind: 'restore'; id: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), id: fc.nat(4), name: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('update' as const), id: fc.nat(4), name: fc.string({ maxLength: 6 }) }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.nat(4) }),
  fc.record({ kind: fc.constant('restore' as const), id: fc.nat(4) }),
);

/** Plays the steps as the workstation would, keeping the journal and a snapshot after each. */
function play(steps: Step[]) {
  const live = new Map<string, Record<string, unknown>>();
  const entries: AuditEntry[] = [];
  const snapshots: { at: number; state: Map<string, Record<string, unknown>> }[] = [];
  let at = 1_700_000_000_000;
  for (const s of steps) {
    const recordId = `person:${s.id}`;
    const existing = live.get(recordId);
    let fields: Pick<AuditFields, 'action' | 'before' | 'after'> | undefined;
    if (s.kind === 'create' && !existing) {
      fields = { action: 'create', after: { id: recordId, primaryName: s.name, deleted: 0 } };
    } else if (s.kind === 'update' && existing && existing.primaryName !== s.name) {
      fields = { action: 'update', before: { primaryName: existing.primaryName }, after: { primaryName: s.name } };
    } else if ((s.kind === 'delete' || s.kind === 'restore') && existing) {
      const deleted = s.kind === 'delete' ? 1 : 0;
      if (existing.deleted !== deleted) fields = { action: s.kind, before: { deleted: existing.deleted }, after: { deleted } };
    }
    at += 1000;
    if (!fields) continue;
    live.set(recordId, { ...(existing ?? {}), ...(fields.after as object) });
    entries.push(
      chainEntry(entries.at(-1), {
        id: `audit:${entries.length + 1}`,
        caseId: 'case:demo',
        at,
        hlc: `${String(at).padStart(13, '0')}-0000-ws-a`,
        analyst: 'Ana',
        workstationId: 'ws-a',
        table: 'persons',
        recordId,
        ...fields,
      }),
    );
    snapshots.push({ at, state: new Map([...live].map(([k, v]) => [k, { ...v }])) });
  }
  return { entries, snapshots };
}

function persons(records: KnownCase) {
  return records.get('persons') ?? new Map();
}

describe('the case as known on a date', () => {
  it('equals the snapshot taken at that moment, for any edit history', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { entries, snapshots } = play(steps);
        for (const snapshot of snapshots) {
          const rebuilt = caseAsKnownOn(entries, snapshot.at);
          expect(rebuilt.ok).toBe(true);
          if (rebuilt.ok) expect(persons(rebuilt.records)).toEqual(snapshot.state);
        }
        const before = caseAsKnownOn(entries, 1_700_000_000_000);
        expect(before.ok && persons(before.records).size).toBe(0);
      }),
    );
  });

  it('refuses to present a past state from a broken journal, and says where it broke', () => {
    const { entries } = play([
      { kind: 'create', id: 1, name: 'Karim' },
      { kind: 'update', id: 1, name: 'Kareem' },
      { kind: 'delete', id: 1 },
    ]);
    entries[1] = { ...entries[1]!, after: { primaryName: 'Someone else' } };
    expect(caseAsKnownOn(entries, Number.MAX_SAFE_INTEGER)).toEqual({
      ok: false,
      chain: { ok: false, brokenAt: 2, reason: 'hash_mismatch' },
    });
  });
});
