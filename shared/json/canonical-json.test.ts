import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, comparableJson, definedFields, sameValue } from './canonical-json';

describe('canonicalJson', () => {
  it('matches the RFC 8785 example for numbers, strings and literals', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 section 3.2.3 shows', () => {
    const input = { '\u20ac': 'Euro', '\r': 'CR', '\ufb33': 'Hebrew', '1': 'One', '\ud83d\ude00': 'Smiley', '\u0080': 'Control', '\u00f6': 'o' };
    // Read the order from the text: JSON.parse would move the integer-like key "1" first.
    const order = [...canonicalJson(input).matchAll(/"([^"]*)":"([^"]*)"/g)].map((m) => m[2]);
    expect(order).toEqual(['CR', 'One', 'Control', 'o', 'Euro', 'Smiley', 'Hebrew']);
  });

  it('gives the same text whatever the key order, and leaves out undefined properties', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x', z: undefined })).toBe(canonicalJson({ a: 'x', b: [1, { c: 2, d: 1 }] }));
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: 'x' })).toBe('{"a":"x","b":[1,{"c":2,"d":1}]}');
    expect(canonicalJson([undefined, -0])).toBe('[null,0]');
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(CanonicalJsonError);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(CanonicalJsonError);
  });
});

describe('comparing field values', () => {
  it('tells an absent field from null and from every defined value, and is canonical JSON otherwise', () => {
    expect(sameValue(undefined, undefined)).toBe(true);
    expect(sameValue(undefined, null)).toBe(false);
    expect(sameValue(undefined, 'undefined')).toBe(false);
    expect(sameValue({ b: 1, a: [1, 2] }, { a: [1, 2], b: 1 })).toBe(true);
    expect(comparableJson({ a: 1, z: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('keeps the fields a record has, leaving out those set to undefined', () => {
    expect(definedFields({ a: 1, b: undefined, c: null }, ['a', 'b', 'c', 'd'])).toEqual({ a: 1, c: null });
  });
});

describe('plainJson', () => {
  it('writes what JSON.parse reads back, and refuses what canonicalJson refuses', async () => {
    const { plainJson, CanonicalJsonError } = await import('./canonical-json');
    const value = { b: 1, a: ['x', null, { c: true }], d: 'é' };
    expect(JSON.parse(plainJson(value))).toEqual(value);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    for (const bad of [{ n: Number.NaN }, { when: new Date(0) }, { m: new Map() }, { bytes: new Uint8Array(2) }, { f: () => 1 }, { big: 1n }, cyclic]) {
      expect(() => plainJson(bad)).toThrow(CanonicalJsonError);
    }
  });
});
