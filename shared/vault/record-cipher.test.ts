import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../json';
import { randomBytes } from './random';
import { DamagedRecordError, isSealedRecord, openRecord, RECORD_FORMAT, SEALED_FIELD, sealRecord, UnsealableRecordError } from './record-cipher';

const CLEAR = ['id', 'caseId', 'personId'];
const key = randomBytes(32);
const place = (id: unknown, table = 'stays') => ({ table, primaryKey: id });

const stay = {
  id: 'stay-1',
  caseId: 'case-1',
  personId: 'person-1',
  prisonId: 'prison-7',
  from: '2019-03-01',
  notes: 'Trasladado tras el incidente del módulo 4',
  fieldClocks: { prisonId: '0001:ws-a' },
};

/** Records as the case tables hold them (kept small: the bit-flip property opens each one once per bit): the clear fields plus JSON-safe fields of any shape. */
const recordArb = fc
  .record({
    id: fc.string({ minLength: 1 }),
    caseId: fc.string(),
    extra: fc.dictionary(
      fc.string({ maxLength: 12 }).filter((name) => !CLEAR.includes(name) && name !== SEALED_FIELD),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 6 },
    ),
  })
  .map(({ id, caseId, extra }) => ({ ...extra, id, caseId }));

function expectDamaged(run: () => unknown, table: string, id: unknown, reason?: string) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DamagedRecordError);
    expect(error).toMatchObject({ table, key: JSON.stringify(id), ...(reason ? { reason } : {}) });
    return;
  }
  throw new Error('expected a DamagedRecordError');
}

describe('sealRecord', () => {
  it('keeps only the listed fields in clear and seals the rest into one field', () => {
    const stored = sealRecord(key, place('stay-1'), stay, CLEAR);
    expect(Object.keys(stored).sort()).toEqual(['_sealed', 'caseId', 'id', 'personId']);
    expect(stored[SEALED_FIELD]).toBeInstanceOf(Uint8Array);
    expect((stored[SEALED_FIELD] as Uint8Array)[0]).toBe(RECORD_FORMAT);
    const bytes = new TextDecoder().decode(stored[SEALED_FIELD] as Uint8Array);
    expect(bytes).not.toContain('módulo');
    expect(bytes).not.toContain('prison-7');
    expect(isSealedRecord(stored)).toBe(true);
    expect(isSealedRecord(stay)).toBe(false);
  });

  it('refuses values JSON cannot carry rather than change them, and a field named like the sealed one', () => {
    expect(() => sealRecord(key, place('x'), { id: 'x', at: new Date() }, CLEAR)).toThrow(UnsealableRecordError);
    expect(() => sealRecord(key, place('x'), { id: 'x', n: Number.NaN }, CLEAR)).toThrow(expect.objectContaining({ reason: 'non_finite_number' }));
    expect(() => sealRecord(key, place('x'), { id: 'x', [SEALED_FIELD]: 1 }, CLEAR)).toThrow(expect.objectContaining({ reason: 'reserved_field' }));
  });
});

describe('openRecord', () => {
  it('round-trips any JSON record (property)', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const stored = sealRecord(key, place(record.id), record, CLEAR);
        expect(canonicalJson(openRecord(key, place(record.id), stored))).toBe(canonicalJson(record));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a field named "__proto__" a field, in clear and sealed', () => {
    const hostile = JSON.parse('{"id":"x","caseId":"c","__proto__":{"polluted":true}}') as Record<string, unknown>;
    const opened = openRecord(key, place('x'), sealRecord(key, place('x'), hostile, CLEAR));
    expect(Object.getOwnPropertyDescriptor(opened, '__proto__')?.value).toEqual({ polluted: true });
    expect((opened as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('detects every single-bit flip of the sealed field (property)', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        const stored = sealRecord(key, place(record.id), record, CLEAR);
        const sealed = stored[SEALED_FIELD] as Uint8Array;
        const opened: number[] = [];
        for (let bit = 0; bit < sealed.length * 8; bit += 1) {
          const flipped = sealed.slice();
          flipped[bit >> 3]! ^= 1 << (bit & 7);
          try {
            openRecord(key, place(record.id), { ...stored, [SEALED_FIELD]: flipped });
            opened.push(bit);
          } catch (error) {
            if (!(error instanceof DamagedRecordError) || error.table !== 'stays' || error.key !== JSON.stringify(record.id)) throw error;
          }
        }
        expect(opened).toEqual([]);
      }),
      { numRuns: 20 },
    );
    // Every bit of 20 records is some 20,000 openings: about 3 s on a loaded machine.
  }, 30_000);

  it('detects every truncation', () => {
    const stored = sealRecord(key, place('stay-1'), stay, CLEAR);
    const sealed = stored[SEALED_FIELD] as Uint8Array;
    for (let length = 0; length < sealed.length; length += 1) {
      expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: sealed.slice(0, length) }), 'stays', 'stay-1');
    }
  });

  it('refuses a ciphertext moved onto another record or table, naming where it was found', () => {
    const one = sealRecord(key, place('stay-1'), stay, CLEAR);
    const two = sealRecord(key, place('stay-2'), { ...stay, id: 'stay-2' }, CLEAR);
    expectDamaged(() => openRecord(key, place('stay-2'), { ...two, [SEALED_FIELD]: one[SEALED_FIELD] }), 'stays', 'stay-2', 'authentication');
    expectDamaged(() => openRecord(key, place('stay-1', 'sentences'), one), 'sentences', 'stay-1', 'authentication');
    // The same text as a number is another key.
    const numbered = sealRecord(key, place(7), { ...stay, id: 7 }, CLEAR);
    expectDamaged(() => openRecord(key, place('7'), numbered), 'stays', '7', 'authentication');
  });

  it('refuses a clear field edited, added or removed (a record moved into another case)', () => {
    const stored = sealRecord(key, place('stay-1'), stay, CLEAR);
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, caseId: 'case-2' }), 'stays', 'stay-1', 'authentication');
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, deleted: true }), 'stays', 'stay-1', 'authentication');
    const { personId: _dropped, ...withoutPerson } = stored;
    expectDamaged(() => openRecord(key, place('stay-1'), withoutPerson), 'stays', 'stay-1', 'authentication');
  });

  it('refuses another key (another case\'s), a plain row and an unknown format', () => {
    const stored = sealRecord(key, place('stay-1'), stay, CLEAR);
    expectDamaged(() => openRecord(randomBytes(32), place('stay-1'), stored), 'stays', 'stay-1', 'authentication');
    expectDamaged(() => openRecord(key, place('stay-1'), stay), 'stays', 'stay-1', 'missing');
    const future = (stored[SEALED_FIELD] as Uint8Array).slice();
    future[0] = 2;
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: future }), 'stays', 'stay-1', 'format');
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: 'text' }), 'stays', 'stay-1', 'format');
  });

  it('names compound keys canonically', () => {
    const stored = sealRecord(key, place(['case-1', 'view-1'], 'layouts'), { caseId: 'case-1', viewId: 'view-1', positions: {} }, ['caseId', 'viewId']);
    expectDamaged(() => openRecord(key, place(['case-1', 'view-2'], 'layouts'), stored), 'layouts', ['case-1', 'view-2']);
  });
});
