import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_TABLE_NAMES, emptySnapshot, type CaseSnapshot } from '../model/tables';
import { comparableJson } from '../json/canonical-json';
import { canonicalForm, type CaseRecord } from './merge-record';
import { editRecord } from './edit-record';
import { mergeSnapshots } from './plan';

/** Small value and clock spaces, so that generated versions of a record really collide. */
const stamp = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1 }), fc.constantFrom('ws-a', 'ws-b', 'ws-c'))
  .map(([ms, c, node]) => `${String(ms).padStart(13, '0')}-${c.toString(16).padStart(4, '0')}-${node}`);

const FIELDS = ['primaryName', 'notes', 'role', 'deleted'] as const;

const version = (id: string) =>
  fc
    .record({
      primaryName: fc.constantFrom('Ahmed', 'Ahmad', 'Achmed'),
      notes: fc.constantFrom('', 'letter', 'visit'),
      role: fc.constantFrom('core', 'recruit'),
      deleted: fc.constantFrom(0 as const, 1 as const),
      stamps: fc.tuple(stamp, stamp, stamp, stamp),
      explicit: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
      createdAt: fc.integer({ min: 0, max: 3 }),
      updatedAt: fc.integer({ min: 0, max: 3 }),
    })
    .map(({ stamps, explicit, createdAt, updatedAt, ...values }): CaseRecord => {
      const hlc = [...stamps].sort().at(-1)!;
      const fieldClocks: Record<string, string> = {};
      FIELDS.forEach((f, i) => {
        // A field last changed at the record's hlc may or may not have an entry: both mean the same.
        if (stamps[i] !== hlc || explicit[i]) fieldClocks[f] = stamps[i]!;
      });
      return { id, caseId: 'case:x', createdAt, updatedAt, hlc, fieldClocks, updatedBy: hlc.slice(19), ...values };
    });

const snapshot = fc
  .record({ p1: fc.option(version('person:p1')), p2: fc.option(version('person:p2')), p3: fc.option(version('person:p3')) })
  .map((byId): CaseSnapshot => {
    const s = emptySnapshot();
    s.persons.push(...(Object.values(byId).filter((r): r is CaseRecord => r !== null) as unknown as CaseSnapshot['persons']));
    return s;
  });

/** Compares what a workstation would show: same records, same values, same effective clocks. */
function state(s: CaseSnapshot): string {
  return comparableJson(
    CASE_TABLE_NAMES.map((t) => (s[t] as CaseRecord[]).map(canonicalForm).sort((a, b) => a.id.localeCompare(b.id))),
  );
}

const merge = mergeSnapshots;

describe('merge properties', () => {
  it('importing A then B equals importing B then A', () => {
    fc.assert(fc.property(snapshot, snapshot, snapshot, (s, a, b) => {
      expect(state(merge(merge(s, a), b))).toBe(state(merge(merge(s, b), a)));
    }), { numRuns: 500 });
  });

  it('importing A twice equals importing it once', () => {
    fc.assert(fc.property(snapshot, snapshot, (s, a) => {
      expect(state(merge(merge(s, a), a))).toBe(state(merge(s, a)));
    }), { numRuns: 500 });
  });

  it('is associative: (A ⊔ B) ⊔ C equals A ⊔ (B ⊔ C)', () => {
    fc.assert(fc.property(snapshot, snapshot, snapshot, (a, b, c) => {
      expect(state(merge(merge(a, b), c))).toBe(state(merge(a, merge(b, c))));
    }), { numRuns: 500 });
  });

  it('keeps concurrent edits to different fields from both sides', () => {
    fc.assert(
      fc.property(version('person:p1'), fc.constantFrom(...FIELDS.slice(0, 3)), fc.constantFrom(...FIELDS.slice(0, 3)), (base, f1, f2) => {
        fc.pre(f1 !== f2);
        const edit = (field: string, value: string, at: string, node: string) => editRecord(base, { [field]: value }, at, node, 10);
        // Both edits come after everything the base record has seen.
        const a = edit(f1, 'edit-by-a', '0000000000100-0000-ws-a', 'ws-a');
        const b = edit(f2, 'edit-by-b', '0000000000100-0000-ws-b', 'ws-b');
        for (const merged of [merge(one(a), one(b)), merge(one(b), one(a))]) {
          const r = merged.persons[0] as unknown as CaseRecord;
          expect(r[f1]).toBe('edit-by-a');
          expect(r[f2]).toBe('edit-by-b');
        }
      }),
      { numRuns: 200 },
    );
  });
});

function one(record: CaseRecord): CaseSnapshot {
  const s = emptySnapshot();
  s.persons.push(record as unknown as CaseSnapshot['persons'][number]);
  return s;
}
