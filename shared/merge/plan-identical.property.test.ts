import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptySnapshot, type CaseSnapshot } from '../model/tables';
import { comparableJson, surelySameJson } from '../json/canonical-json';
import { mergeRecord, sameRecord, type CaseRecord } from './merge-record';
import { localRecordsOf, planMerge } from './plan';

/** Reverses every object's key order, deeply: the same JSON value, written differently. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reordered(v)]));
  return value;
}

const stamp = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('ws-a', 'ws-b'))
  .map(([ms, node]) => `${String(ms).padStart(13, '0')}-0000-${node}`);

/** Records in canonical form or not (explicit clocks equal to hlc, clocks of absent fields), with any JSON in them. */
const record = fc
  .record({
    stamps: fc.tuple(stamp, stamp, stamp),
    explicit: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
    primaryName: fc.string(),
    details: fc.jsonValue(),
    deleted: fc.constantFrom(0 as const, 1 as const),
    strayClock: fc.option(stamp),
  })
  .map(({ stamps, explicit, strayClock, ...values }): CaseRecord => {
    const hlc = [...stamps].sort().at(-1)!;
    const fieldClocks: Record<string, string> = {};
    (['primaryName', 'details', 'deleted'] as const).forEach((f, i) => {
      if (stamps[i] !== hlc || explicit[i]) fieldClocks[f] = stamps[i]!;
    });
    if (strayClock) fieldClocks.notes = strayClock;
    return { id: 'person:p1', caseId: 'case:x', createdAt: 1, updatedAt: 2, hlc, fieldClocks, updatedBy: 'ws-a', ...values };
  });

const snapshotOf = (r: CaseRecord): CaseSnapshot => ({ ...emptySnapshot(), persons: [r] as unknown as CaseSnapshot['persons'] });

describe('planMerge on a record both sides already hold', () => {
  it('says unchanged, with no conflict, exactly as the full per-field merge does', () => {
    fc.assert(
      fc.property(record, fc.option(fc.constantFrom('', 'since')), (local, since) => {
        const incoming = reordered(JSON.parse(JSON.stringify(local))) as CaseRecord;
        const plan = planMerge(localRecordsOf(snapshotOf(local)), snapshotOf(incoming), since ? { since: '0000000000003-0000-ws-a' } : {});
        // What the per-field merge says about the same pair.
        const { record: merged, fields } = mergeRecord(local, incoming);
        expect(sameRecord(local, merged)).toBe(true);
        expect(fields.every((f) => comparableJson(f.value) === comparableJson(f.losingValue))).toBe(true);
        expect(plan).toEqual({ new: [], changed: [], deleted: [], conflicts: [], unchanged: [{ table: 'persons', id: 'person:p1' }] });
      }),
    );
  });
});

describe('surelySameJson', () => {
  it('is true only for values whose canonical JSON is the same, and for every reordering of one', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        if (surelySameJson(a, b)) expect(comparableJson(a)).toBe(comparableJson(b));
        expect(surelySameJson(a, reordered(a))).toBe(true);
      }),
    );
  });

  it('leaves the values it cannot vouch for to the slow comparison', () => {
    expect(surelySameJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(surelySameJson([Number.NaN], [Number.NaN])).toBe(false);
    expect(surelySameJson(new Date(0), new Date(0))).toBe(false);
    expect(surelySameJson({ a: [0] }, { a: [-0] })).toBe(true);
    expect(surelySameJson({ a: '1' }, { a: 1 })).toBe(false);
  });
});
