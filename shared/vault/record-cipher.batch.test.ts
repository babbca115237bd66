import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../json';
import { aadOf, sealBytes } from './aead';
import { randomBytes } from './random';
import { sealFormatOne } from './format-one.test-support';
import { DamagedRecordError, openRecord, openRecords, paddedLength, SEALED_FIELD, sealRecord, type SealedRow } from './record-cipher';

/**
 * openRecords opens a query's rows together (one text decoding per batch of payloads): for every row
 * it must give exactly what openRecord gives that row alone, the record or the damage, whatever the
 * rows around it. These rows mix every kind a workstation can hold.
 */

const key = randomBytes(32);
const otherKey = randomBytes(32);
const CLEAR = ['id', 'caseId'];
const utf8 = (text: string) => new TextEncoder().encode(text);

/** What openRecord gives one row: the record, or the DamagedRecordError it throws, as comparable data. */
function alone(row: SealedRow): unknown {
  const { key: rowKey, stored } = row;
  const place = row;
  if (!rowKey) return { damaged: [place.table, canonicalJson(place.primaryKey), 'key'] };
  try {
    return openRecord(rowKey, place, stored);
  } catch (error) {
    if (!(error instanceof DamagedRecordError)) throw error;
    return { damaged: [error.table, error.key, error.reason] };
  }
}

const together = (rows: readonly SealedRow[]) =>
  openRecords(rows).map((opened) => (opened instanceof DamagedRecordError ? { damaged: [opened.table, opened.key, opened.reason] } : opened));

/**
 * A format-2 row as sealed before payloads were written in ASCII: the UTF-8 JSON as JSON.stringify
 * wrote it, padded with spaces; or any other payload (authentic, and still not a record).
 */
function formatTwoRow(id: string, payload: Uint8Array, padTo = paddedLength(payload.length)): Record<string, unknown> {
  const padded = new Uint8Array(padTo).fill(0x20);
  padded.set(payload);
  const sealed = sealBytes(key, padded, aadOf(JSON.stringify(['vigia.record', 2, 'stays', id, 'caseId', 'case-1', 'id', id])), 1);
  sealed[0] = 2;
  return { id, caseId: 'case-1', [SEALED_FIELD]: sealed };
}

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('módulo 4 — Ñ', 'أبو إلياس', '🕌', '\u2028'));
const hiddenArb = fc.record({ notes: text, count: fc.integer(), tags: fc.array(text, { maxLength: 3 }) });

/** One row of any kind a store can hold, sealed or damaged, with the id it is stored under. */
const rowArb = (id: string): fc.Arbitrary<SealedRow> =>
  fc
    .tuple(
      fc.constantFrom('current', 'current', 'current', 'more-clear', 'reordered', 'before-ascii', 'format-1', 'flipped', 'other-key', 'no-key', 'moved', 'not-padded', 'not-utf8', 'not-an-object', 'plain'),
      hiddenArb,
      fc.nat(),
    )
    .map(([kind, hidden, bit]) => {
      const place = { table: 'stays', primaryKey: id };
      const record = { ...hidden, id, caseId: 'case-1' };
      const current = () => sealRecord(key, place, record, CLEAR);
      switch (kind) {
        case 'before-ascii':
          return { key, ...place, stored: formatTwoRow(id, utf8(JSON.stringify(hidden))) };
        case 'more-clear':
          // Another set of clear fields among rows of the same table: its associated data is its own.
          return { key, ...place, stored: sealRecord(key, place, { ...record, personId: 'person-1' }, [...CLEAR, 'personId']) };
        case 'reordered':
          return { key, ...place, stored: sealRecord(key, place, { caseId: 'case-1', id, ...hidden }, CLEAR) };
        case 'format-1':
          return { key, ...place, stored: sealFormatOne(key, place, record, CLEAR) };
        case 'flipped': {
          const stored = current();
          const sealed = (stored[SEALED_FIELD] as Uint8Array).slice();
          const at = 1 + (bit % (sealed.length - 1));
          sealed[at]! ^= 1 << (bit % 8);
          return { key, ...place, stored: { ...stored, [SEALED_FIELD]: sealed } };
        }
        case 'other-key':
          return { key: otherKey, ...place, stored: current() };
        case 'no-key':
          return { key: undefined, ...place, stored: current() };
        case 'moved':
          return { key, table: 'stays', primaryKey: `${id}-elsewhere`, stored: { ...current(), id: `${id}-elsewhere` } };
        case 'not-padded':
          return { key, ...place, stored: formatTwoRow(id, utf8(JSON.stringify(hidden)), paddedLength(utf8(JSON.stringify(hidden)).length) + 32) };
        case 'not-utf8':
          return { key, ...place, stored: formatTwoRow(id, Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d)) };
        case 'not-an-object':
          return { key, ...place, stored: formatTwoRow(id, utf8('{"a":1}{"b":2}')) };
        case 'plain':
          return { key, ...place, stored: record };
        default:
          return { key, ...place, stored: current() };
      }
    });

const rowsArb = (maxLength: number) => fc.array(fc.nat(), { maxLength }).chain((ids) => fc.tuple(...ids.map((_, i) => rowArb(`stay-${i}`))));

describe('openRecords', () => {
  it('gives every row what openRecord gives it alone, whatever rows surround it (property)', () => {
    fc.assert(
      fc.property(rowsArb(30), (rows) => {
        expect(together(rows)).toEqual(rows.map(alone));
      }),
      { numRuns: 300 },
    );
  });

  it('opens batches past its decoding size, a record larger than the batch and rows of before ASCII among them', () => {
    // Some 4,000 rows of some 300 bytes: several decoding batches, one of which holds a row written
    // before ASCII payloads (decoded record by record), another a record of 300 KB.
    const rows: SealedRow[] = [];
    for (let i = 0; i < 4000; i += 1) {
      const id = `stay-${i}`;
      const place = { table: 'stays', primaryKey: id };
      const notes = i === 2500 ? 'x'.repeat(300_000) : `Trasladado tras el incidente del módulo ${i} ${'·'.repeat(i % 200)}`;
      const stored = i === 1234 ? formatTwoRow(id, utf8(JSON.stringify({ notes: 'comunicación' }))) : sealRecord(key, place, { id, caseId: 'case-1', notes }, CLEAR);
      rows.push({ key, ...place, stored });
    }
    const opened = together(rows);
    expect(opened).toEqual(rows.map(alone));
    expect(opened[1234]).toEqual({ id: 'stay-1234', caseId: 'case-1', notes: 'comunicación' });
    expect((opened[2500] as { notes: string }).notes).toHaveLength(300_000);
    expect(opened[3999]).toMatchObject({ notes: expect.stringContaining('módulo 3999') });
  });

  it('names each damaged row among good ones, in its place', () => {
    const place = (id: string) => ({ table: 'stays', primaryKey: id });
    const good = sealRecord(key, place('stay-1'), { id: 'stay-1', caseId: 'case-1', notes: 'bien' }, CLEAR);
    const tampered = sealRecord(key, place('stay-2'), { id: 'stay-2', caseId: 'case-1', notes: 'mal' }, CLEAR);
    (tampered[SEALED_FIELD] as Uint8Array)[30]! ^= 4;
    const opened = openRecords([
      { key, ...place('stay-1'), stored: good },
      { key, ...place('stay-2'), stored: tampered },
      { key: undefined, ...place('stay-3'), stored: good },
    ]);
    expect(opened[0]).toEqual({ id: 'stay-1', caseId: 'case-1', notes: 'bien' });
    expect(opened[1]).toMatchObject({ name: 'DamagedRecordError', table: 'stays', key: '"stay-2"', reason: 'authentication' });
    expect(opened[2]).toMatchObject({ name: 'DamagedRecordError', table: 'stays', key: '"stay-3"', reason: 'key' });
  });

  it('leaves no plaintext behind in its batch: the same rows open the same twice, and a row never shows another\'s text', () => {
    // A row whose payload were read from a batch left uncleared would show a record that is not its own.
    const place = (id: string) => ({ table: 'stays', primaryKey: id });
    const first = [0, 1, 2].map((i) => ({ key, ...place(`s-${i}`), stored: sealRecord(key, place(`s-${i}`), { id: `s-${i}`, caseId: 'c', notes: bytesToHex(randomBytes(40)) }, CLEAR) }));
    const once = together(first);
    expect(together(first)).toEqual(once);
    expect(together([first[2]!])).toEqual([once[2]]);
  });
});
