import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../json';
import { aadOf, openBytes, SEAL_OVERHEAD, sealBytes } from './aead';
import { randomBytes } from './random';
import {
  DamagedRecordError,
  isSealedRecord,
  openRecord,
  paddedLength,
  RECORD_FORMAT,
  SEALED_FIELD,
  sealRecord,
  UNPADDED_RECORD_FORMAT,
  UnsealableRecordError,
  type RecordPlace,
} from './record-cipher';
import { sealFormatOne } from './format-one.test-support';

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
    for (const unknown of [0, 3, 255]) {
      const future = (stored[SEALED_FIELD] as Uint8Array).slice();
      future[0] = unknown;
      expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: future }), 'stays', 'stay-1', 'format');
    }
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: new Uint8Array(0) }), 'stays', 'stay-1', 'format');
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: 'text' }), 'stays', 'stay-1', 'format');
  });

  it('names compound keys canonically', () => {
    const stored = sealRecord(key, place(['case-1', 'view-1'], 'layouts'), { caseId: 'case-1', viewId: 'view-1', positions: {} }, ['caseId', 'viewId']);
    expectDamaged(() => openRecord(key, place(['case-1', 'view-2'], 'layouts'), stored), 'layouts', ['case-1', 'view-2']);
  });
});

/** What a stored sealed value adds to its padded payload: format byte, nonce and tag. */
const STORED_OVERHEAD = 1 + SEAL_OVERHEAD;
const utf8 = (text: string) => new TextEncoder().encode(text);
const sealedOf = (stored: Record<string, unknown>) => stored[SEALED_FIELD] as Uint8Array;

/** A record as it compares: bytes as hex (canonical JSON refuses typed arrays), keys in any order, -0 as 0 (JSON has no -0). */
function comparable(record: Record<string, unknown>): string {
  return canonicalJson(Object.fromEntries(Object.entries(record).map(([field, value]) => [field, value instanceof Uint8Array ? { bytes: bytesToHex(value) } : value])));
}

/** Field names as hostile or odd as they come: the prototype's, integer-like ones (which objects order first), empty. */
const fieldNameArb = fc
  .oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'toString', '0', '9', '10', 'caseId', 'bytes', 'json'))
  .filter((name) => name !== SEALED_FIELD);

/** Clear values of every kind the associated data writes: flat JSON, arrays of it, bytes, and anything else JSON holds. */
const clearValueArb = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null)), { maxLength: 4 }),
  fc.uint8Array({ maxLength: 12 }),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Any record in any table: arbitrary clear fields (the middleware's are the key and indexed fields) beside arbitrary sealed ones. */
const anyRecordArb = fc
  .record({
    table: fc.string({ minLength: 1, maxLength: 12 }),
    primaryKey: fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { minLength: 1, maxLength: 3 })),
    clear: fc.dictionary(fieldNameArb, clearValueArb, { maxKeys: 5 }),
    hidden: fc.dictionary(fieldNameArb, fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  })
  .map(({ table, primaryKey, clear, hidden }) => ({
    place: { table, primaryKey } as RecordPlace,
    record: { ...hidden, ...clear } as Record<string, unknown>,
    clearFields: Object.keys(clear),
  }));

describe('format 2: padded, bound by one JSON array', () => {
  it('round-trips any record with any clear fields, through a structured clone as IndexedDB keeps it (property)', () => {
    fc.assert(
      fc.property(anyRecordArb, ({ place: where, record, clearFields }) => {
        const stored = structuredClone(sealRecord(key, where, record, clearFields));
        expect(sealedOf(stored)[0]).toBe(RECORD_FORMAT);
        expect(Object.keys(stored).sort()).toEqual([...clearFields, SEALED_FIELD].sort());
        const padded = sealedOf(stored).length - STORED_OVERHEAD;
        expect(paddedLength(padded)).toBe(padded);
        expect(comparable(openRecord(key, where, stored))).toBe(comparable(record));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a field named "__proto__" a field after a structured clone', () => {
    const hostile = JSON.parse('{"id":"x","caseId":"c","__proto__":{"polluted":true}}') as Record<string, unknown>;
    for (const clearFields of [CLEAR, [...CLEAR, '__proto__']]) {
      const opened = openRecord(key, place('x'), structuredClone(sealRecord(key, place('x'), hostile, clearFields)));
      expect(Object.getOwnPropertyDescriptor(opened, '__proto__')?.value).toEqual({ polluted: true });
      expect(Object.getPrototypeOf(opened)).toBe(Object.prototype);
    }
  });

  it('pads to PADMÉ lengths, never in steps under 32 bytes, at most 31 bytes or 6.25% more', () => {
    expect([1, 2, 32, 33, 64, 65, 300, 1000, 1024, 1025, 2049, 40_000].map(paddedLength)).toEqual([32, 32, 32, 64, 64, 96, 320, 1024, 1024, 1088, 2176, 40_960]);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 24 }), (length) => {
        const padded = paddedLength(length);
        // PADMÉ, computed another way: the step keeps the top ⌊log2 ⌊log2 L⌋⌋ + 1 bits of L.
        const exponent = Math.floor(Math.log2(length));
        const step = 2 ** Math.max(5, exponent - (Math.floor(Math.log2(Math.max(1, exponent))) + 1));
        expect(padded).toBe(Math.ceil(length / step) * step);
        expect(paddedLength(padded)).toBe(padded);
        expect(padded - length).toBeLessThanOrEqual(Math.max(31, length / 16));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives records of slightly different lengths the same stored length, one of the buckets', () => {
    const a = sealRecord(key, place('stay-1'), { ...stay, notes: 'Trasladado' }, CLEAR);
    const b = sealRecord(key, place('stay-1'), { ...stay, notes: 'Trasladado tras el incidente' }, CLEAR);
    expect(sealedOf(a).length).toBe(sealedOf(b).length);
    const lengths = new Set<number>();
    for (let extra = 0; extra < 96; extra += 1) lengths.add(sealedOf(sealRecord(key, place('stay-1'), { ...stay, notes: `${stay.notes}${'x'.repeat(extra)}` }, CLEAR)).length);
    // 96 note lengths, three 32-byte buckets (the text starts anywhere in the first).
    expect(lengths.size).toBeLessThanOrEqual(4);
    for (const length of lengths) {
      expect(paddedLength(length - STORED_OVERHEAD)).toBe(length - STORED_OVERHEAD);
      expect((length - STORED_OVERHEAD) % 32).toBe(0);
    }
  });

  it('binds every clear value with its kind: a number for a string, bytes for an object, values swapped between fields', () => {
    const record = { id: 'r-1', caseId: '7', secret: Uint8Array.of(1, 2), shape: { a: [1, 2] }, tags: ['x', 'y'], from: 'x', to: 'y', notes: 'n' };
    const clearFields = ['id', 'caseId', 'secret', 'shape', 'tags', 'from', 'to'];
    const stored = sealRecord(key, place('r-1', 'links'), record, clearFields);
    expect(openRecord(key, place('r-1', 'links'), stored)).toEqual(record);
    const edits: Record<string, unknown>[] = [
      { caseId: 7 },
      { secret: { bytes: '0102' } },
      { secret: Uint8Array.of(1, 3) },
      { shape: JSON.stringify({ a: [1, 2] }) },
      { shape: { json: canonicalJson({ a: [1, 2] }) } },
      { tags: 'x,y' },
      { tags: ['x', 'y', null] },
      { from: 'y', to: 'x' },
      { added: undefined },
      { added: null },
    ];
    for (const edit of edits) expectDamaged(() => openRecord(key, place('r-1', 'links'), { ...stored, ...edit }), 'links', 'r-1', 'authentication');
  });

  it('refuses a clear value the associated data cannot carry, sealing or opening', () => {
    expect(() => sealRecord(key, place('x'), { id: 'x', caseId: Number.POSITIVE_INFINITY }, CLEAR)).toThrow(expect.objectContaining({ reason: 'non_finite_number' }));
    expect(() => sealRecord(key, place('x'), { id: 'x', caseId: new Date(0) }, CLEAR)).toThrow(expect.objectContaining({ reason: 'unsupported_value' }));
    const stored = sealRecord(key, place('x'), { id: 'x', caseId: 'c' }, CLEAR);
    expectDamaged(() => openRecord(key, place('x'), { ...stored, caseId: new Date(0) }), 'stays', 'x', 'authentication');
    expectDamaged(() => openRecord(key, place('x'), { ...stored, caseId: Number.NaN }), 'stays', 'x', 'authentication');
  });

  it('refuses, as plainJson does, sealed values JSON would change or drop, however deep', () => {
    let deep: unknown = 'bottom';
    for (let depth = 0; depth < 200; depth += 1) deep = { deeper: deep };
    const opened = openRecord(key, place('x'), sealRecord(key, place('x'), { id: 'x', deep }, CLEAR));
    expect(canonicalJson(opened.deep)).toBe(canonicalJson(deep));
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    expect(() => sealRecord(key, place('x'), { id: 'x', cyclic }, CLEAR)).toThrow(expect.objectContaining({ reason: 'cycle' }));
    for (const [value, reason] of [
      [new Map(), 'unsupported_value'],
      [Uint8Array.of(1), 'unsupported_value'],
      [() => 1, 'unsupported_value'],
      [10n, 'unsupported_value'],
      [[1, Number.NaN], 'non_finite_number'],
      [{ at: { when: new Date(0) } }, 'unsupported_value'],
    ] as const) {
      expect(() => sealRecord(key, place('x'), { id: 'x', value }, CLEAR)).toThrow(expect.objectContaining({ reason }));
    }
  });
});

/**
 * Format 2 written out by hand, as docs/security.md lays it out: the associated data's text, the
 * JSON padded with spaces to its bucket. Authentic rows whose payload is anything else are 'payload'.
 */
describe('format 2 payloads are written in ASCII', () => {
  const stayAad = aadOf('["vigia.record",2,"stays","stay-1","caseId","case-1","id","stay-1"]');
  const payloadOf = (stored: Record<string, unknown>) => openBytes(key, sealedOf(stored).subarray(1), stayAad)!;

  it('escapes every character beyond ASCII, and opens to the same text (property)', () => {
    // Why: an all-ASCII text is decoded and parsed faster (record-cipher.ts, asciiJson).
    const texts = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('módulo 4 — Ñ', 'أبو إلياس الأندلسي', '🕌 \u2028', '\ud800 solo'));
    fc.assert(
      fc.property(texts, texts, (notes, name) => {
        const record = { id: 'stay-1', caseId: 'case-1', notes, nested: { [name]: [name, notes] } };
        const stored = structuredClone(sealRecord(key, place('stay-1'), record, ['id', 'caseId']));
        expect(payloadOf(stored).every((byte) => byte < 0x80)).toBe(true);
        expect(openRecord(key, place('stay-1'), stored)).toEqual(record);
      }),
      { numRuns: 300 },
    );
  });

  it('writes each UTF-16 unit as its escape', () => {
    const stored = sealRecord(key, place('stay-1'), { id: 'stay-1', caseId: 'case-1', notes: 'mó🕌' }, ['id', 'caseId']);
    expect(new TextDecoder().decode(payloadOf(stored)).trimEnd()).toBe('{"notes":"m\\u00f3\\ud83d\\udd4c"}');
  });
});

describe('format 2 as specified', () => {
  const stayAad = aadOf('["vigia.record",2,"stays","stay-1","caseId","case-1","id","stay-1","personId","person-1"]');
  const stayRow = (payload: Uint8Array) => {
    const sealed = sealBytes(key, payload, stayAad, 1);
    sealed[0] = 2;
    return { id: 'stay-1', caseId: 'case-1', personId: 'person-1', [SEALED_FIELD]: sealed };
  };
  const spaced = (text: Uint8Array | string, length?: number) => {
    const bytes = typeof text === 'string' ? utf8(text) : text;
    const padded = new Uint8Array(length ?? paddedLength(bytes.length)).fill(0x20);
    padded.set(bytes);
    return padded;
  };

  /** The associated data as the layout above specifies it, written the plain way. */
  const specifiedAad = (where: RecordPlace, record: Record<string, unknown>, clearFields: readonly string[]) => {
    const bound = (value: unknown): unknown => {
      const flat = (v: unknown) => typeof v === 'string' || typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v));
      if (flat(value)) return value;
      if (Array.isArray(value) && value.every(flat) && Object.keys(value).length === value.length) return value;
      if (value instanceof Uint8Array) return { bytes: bytesToHex(value) };
      return { json: canonicalJson(value) };
    };
    const items: unknown[] = ['vigia.record', 2, where.table, bound(where.primaryKey)];
    for (const field of [...clearFields].sort()) items.push(field, bound(record[field]));
    return aadOf(JSON.stringify(items));
  };

  it('binds exactly the associated data it specifies, for clear values of every kind (property)', () => {
    // The associated data is written byte by byte where it can be (recordAad): it must give the same bytes.
    const idLike = fc.oneof(fc.string(), fc.stringMatching(/^[\x20-\x7e]{0,40}$/), fc.constantFrom('demo-10000:person:00001', '2026-12-05', 'a"b', 'c\\d', 'ñ', '\u007f'));
    const valueArb = fc.oneof(idLike, clearValueArb, fc.array(idLike, { maxLength: 3 }), fc.constantFrom(-0, 1e21, 5e-324, 0.1, [], [[]], [1, [2]]));
    const rowArb = fc.record({
      table: fc.oneof(fc.constantFrom('links', 'persons'), idLike.filter((t) => t.length > 0)),
      primaryKey: fc.oneof(idLike, fc.integer(), fc.array(idLike, { minLength: 1, maxLength: 3 })),
      clear: fc.dictionary(fieldNameArb, valueArb, { maxKeys: 5 }),
    });
    fc.assert(
      fc.property(rowArb, ({ table, primaryKey, clear }) => {
        const where = { table, primaryKey } as RecordPlace;
        const record = { ...clear, notes: 'x' };
        const clearFields = Object.keys(clear);
        const stored = sealRecord(key, where, record, clearFields);
        expect(openBytes(key, sealedOf(stored).subarray(1), specifiedAad(where, record, clearFields))).not.toBeNull();
      }),
      { numRuns: 1000 },
    );
  });

  it('opens a row built from the layout alone', () => {
    expect(openRecord(key, place('stay-1'), stayRow(spaced('{"notes":"módulo 4"}')))).toEqual({ notes: 'módulo 4', id: 'stay-1', caseId: 'case-1', personId: 'person-1' });
    expect(openRecord(key, place('stay-1'), stayRow(spaced('{}')))).toEqual({ id: 'stay-1', caseId: 'case-1', personId: 'person-1' });
  });

  it('reads the payload strictly: one JSON object, then spaces to exactly its bucket', () => {
    const withTab = spaced('{"notes":"x"}');
    withTab[withTab.length - 1] = 0x09;
    const payloads = [
      utf8('{"notes":"x"}'), // not padded
      spaced('{"notes":"x"}', 64), // padded past its bucket
      spaced('{"notes":"x"}', 40), // not a bucket
      withTab,
      spaced('["notes"]'),
      spaced('"notes"'),
      spaced('null'),
      spaced('{"a":1}{"b":2}'),
      spaced(Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d)), // {"\xff":1}: not UTF-8
      spaced(''),
    ];
    for (const payload of payloads) expectDamaged(() => openRecord(key, place('stay-1'), stayRow(payload)), 'stays', 'stay-1', 'payload');
  });
});

describe('format 2 rows already written', () => {
  // Sealed by the first version to write format 2, with this key: any change to the associated data,
  // the padding or the payload that would strand them fails here (it needs a format of its own).
  const vectorKey = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 255);
  const sealedStay =
    '025b7078432c6e74d9ca265f507b4935436dc42467e26787247b19eac8775b4cb7bbf490feff367ecf565177598e431c0e3364f498bc606f06be160abc0a8fbb1f82911da0341d47109f492641d0c76e963a68e0335f304d738187aa27d0908bb19a97d925881b2ee792ed1d6ef542e520e4e7b732434f37e795ab28041ae8efc08a322f9cc5de58ea128d1af6dfbe742a905556c9919b6b958494213a77a146219b1dc42be6c5fdc79e3941a3512598e0f0531ad8018877dabc89c6edb4de7fa91f458129cd7971e4';
  const sealedLayout =
    '02d663d5299e9dfc2a2aa7afa2dd8da664d7fb39b42f9c5349132ae4887d7d11ffe3fd9c34356d02d14107f7d602098b86bdcb6be4bba62eca07dd79f7c74dc6f0df380c7cf0185cb5';

  it('keep opening, bytes and objects in clear fields and compound keys included', () => {
    const stayRow = { id: 'stay-1', caseId: 'case-1', personId: 'person-1', [SEALED_FIELD]: hexToBytes(sealedStay) };
    expect(openRecord(vectorKey, place('stay-1'), stayRow)).toEqual(stay);
    const layoutRow = { caseId: 'case-1', viewId: 'view-1', secret: Uint8Array.of(1, 2, 250), shape: { a: [2], b: 1 }, [SEALED_FIELD]: hexToBytes(sealedLayout) };
    expect(openRecord(vectorKey, place(['case-1', 'view-1'], 'layouts'), layoutRow)).toEqual({
      caseId: 'case-1',
      viewId: 'view-1',
      secret: Uint8Array.of(1, 2, 250),
      shape: { a: [2], b: 1 },
      positions: { 'p-1': [1.5, -2] },
    });
    expectDamaged(() => openRecord(vectorKey, place(['case-1', 'view-1'], 'layouts'), { ...layoutRow, secret: { bytes: '0102fa' } }), 'layouts', ['case-1', 'view-1']);
  });
});

describe('format 1 rows, written before padding', () => {
  // Sealed by the code as it shipped (commit 1fc77e9), with this key: what a workstation holds today.
  const shippedKey = Uint8Array.from({ length: 32 }, (_, i) => (i * 29 + 3) & 255);
  const shippedStay =
    '0196571e4b8b892dfc9ce802f17111882adbe15b936df85930f7330b094b8f75011f6b5f21824711d38ce55c909574386401f91601b5157283c7c31fbfa060c0de3f48597967a993cc24689f8ef4158d90567c06a2ab6098d10c9263b9020939ed4ff35e543993a7513975b1390f3a91ac809baada829d4115ffe8a314542891a460eab0fb91b6b757f0972c587b7f7a83f6aed413f9cb92b9a090aa2b1760fe73a022b5b41b601ab25a3c77f0f832a1';
  const shippedLayout =
    '015e92fd10cdec82ce38b9b21b5722e916e37ccb16af45aa7d27903299ef30f035b6f9fb4f0ce8fdda6ee3073cba68989238f42ecad7bf674020d59fc568935878cff2623eb474';

  it('still open as they did, bytes in clear fields and compound keys included', () => {
    const stayRow = { id: 'stay-1', caseId: 'case-1', personId: 'person-1', [SEALED_FIELD]: hexToBytes(shippedStay) };
    expect(openRecord(shippedKey, place('stay-1'), stayRow)).toEqual(stay);
    const layoutRow = { caseId: 'case-1', viewId: 'view-1', secret: Uint8Array.of(1, 2, 250), [SEALED_FIELD]: hexToBytes(shippedLayout) };
    expect(openRecord(shippedKey, place(['case-1', 'view-1'], 'layouts'), layoutRow)).toEqual({
      caseId: 'case-1',
      viewId: 'view-1',
      secret: Uint8Array.of(1, 2, 250),
      positions: { 'p-1': [1.5, -2] },
    });
    expectDamaged(() => openRecord(shippedKey, place('stay-1'), { ...stayRow, caseId: 'case-2' }), 'stays', 'stay-1', 'authentication');
    expectDamaged(() => openRecord(shippedKey, place(['case-1', 'view-1'], 'layouts'), { ...layoutRow, secret: Uint8Array.of(1, 2, 251) }), 'layouts', ['case-1', 'view-1']);
    // Format 1's one ambiguity, kept as it was: its associated data writes bytes as {bytes: hex}, so an
    // object of that shape passes for them (the same bytes, another type). Format 2 tells them apart.
    const lookalike = { ...layoutRow, secret: { bytes: '0102fa' } };
    expect(openRecord(shippedKey, place(['case-1', 'view-1'], 'layouts'), lookalike)).toMatchObject({ secret: { bytes: '0102fa' } });
  });

  it('round-trip for any record, built the old way (property)', () => {
    fc.assert(
      fc.property(anyRecordArb, ({ place: where, record, clearFields }) => {
        const stored = structuredClone(sealFormatOne(key, where, record, clearFields));
        expect(comparable(openRecord(key, where, stored))).toBe(comparable(record));
      }),
      { numRuns: 300 },
    );
  });

  it('still refuse a flipped bit, a truncation, a move, a clear field edited, added or removed', () => {
    const stored = sealFormatOne(key, place('stay-1'), stay, CLEAR);
    const sealed = sealedOf(stored);
    for (let bit = 8; bit < sealed.length * 8; bit += 7) {
      const flipped = sealed.slice();
      flipped[bit >> 3]! ^= 1 << (bit & 7);
      expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: flipped }), 'stays', 'stay-1', 'authentication');
    }
    for (let length = 1; length < sealed.length; length += 5) {
      expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, [SEALED_FIELD]: sealed.slice(0, length) }), 'stays', 'stay-1', 'authentication');
    }
    expectDamaged(() => openRecord(key, place('stay-2'), { ...stored, id: 'stay-2' }), 'stays', 'stay-2', 'authentication');
    expectDamaged(() => openRecord(key, place('stay-1', 'sentences'), stored), 'sentences', 'stay-1', 'authentication');
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, caseId: 'case-2' }), 'stays', 'stay-1', 'authentication');
    expectDamaged(() => openRecord(key, place('stay-1'), { ...stored, deleted: true }), 'stays', 'stay-1', 'authentication');
    const { personId: _dropped, ...withoutPerson } = stored;
    expectDamaged(() => openRecord(key, place('stay-1'), withoutPerson), 'stays', 'stay-1', 'authentication');
  });

  it('cannot pass for format 2, nor format 2 for them: the format byte is bound', () => {
    const old = sealFormatOne(key, place('stay-1'), stay, CLEAR);
    const relabelledOld = sealedOf(old).slice();
    relabelledOld[0] = RECORD_FORMAT;
    expectDamaged(() => openRecord(key, place('stay-1'), { ...old, [SEALED_FIELD]: relabelledOld }), 'stays', 'stay-1', 'authentication');
    const current = sealRecord(key, place('stay-1'), stay, CLEAR);
    const relabelledNew = sealedOf(current).slice();
    relabelledNew[0] = UNPADDED_RECORD_FORMAT;
    expectDamaged(() => openRecord(key, place('stay-1'), { ...current, [SEALED_FIELD]: relabelledNew }), 'stays', 'stay-1', 'authentication');
  });
});
