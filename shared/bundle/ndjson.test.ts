import { describe, expect, it } from 'vitest';
import { ndjsonLines, toNdjson } from './ndjson';

/** The format's definition, written the plain way: one JSON text and a newline per value, UTF-8. */
const reference = (values: readonly unknown[]) => new TextEncoder().encode(values.map((v) => `${JSON.stringify(v) ?? ''}\n`).join(''));

describe('toNdjson', () => {
  it('writes the same bytes as one join of every line, across its encoding pieces', () => {
    // Past several 1 Mi-unit pieces, with accents and astral characters on both sides of every cut.
    const people = Array.from({ length: 40_000 }, (_, i) => ({ id: `person:${i}`, name: `María José Núñez ${i} 𝔘`, notes: 'ñ'.repeat(i % 97) }));
    const bytes = toNdjson(people);
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
    expect(Buffer.compare(bytes, reference(people))).toBe(0);
    expect([...ndjsonLines(bytes)].map((l) => JSON.parse(l.text) as unknown)).toEqual(people);
  });

  it('writes nothing for no values, and an empty line where JSON has no text', () => {
    expect(toNdjson([])).toEqual(new Uint8Array(0));
    expect(Buffer.compare(toNdjson([1, undefined, 'é']), reference([1, undefined, 'é']))).toBe(0);
  });
});
