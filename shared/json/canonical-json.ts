/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings serialised as ECMAScript's JSON does. The same value always
 * gives the same text, on every machine, so its hash can be recomputed years later.
 *
 * Like JSON itself, object properties whose value is `undefined` are left out (IndexedDB keeps
 * them, JSON would not), and `undefined` inside arrays becomes `null`. A top-level `undefined` is
 * refused. This is the one canonical JSON of the project: the audit chain hashes it (so its output
 * must never change for a value it accepts: canonical-json.test.ts pins known hashes), and the merge
 * compares through `comparableJson` below, which is the same text for every defined value.
 */
export class CanonicalJsonError extends Error {
  constructor(readonly reason: 'non_finite_number' | 'unsupported_value' | 'cycle') {
    super(`canonical_json_${reason}`);
  }
}

export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('non_finite_number');
      // ECMAScript's shortest round-trip form, which is what RFC 8785 prescribes; -0 prints as 0.
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError('unsupported_value');
  }
  const object = value as object;
  if (ancestors.has(object)) throw new CanonicalJsonError('cycle');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    text = `[${object.map((item) => (item === undefined ? 'null' : write(item, ancestors))).join(',')}]`;
  } else if (Object.getPrototypeOf(object) === Object.prototype || Object.getPrototypeOf(object) === null) {
    const record = object as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    text = `{${keys.map((key) => `${JSON.stringify(key)}:${write(record[key], ancestors)}`).join(',')}}`;
  } else {
    // Dates, Maps, typed arrays…: a record or audit entry never holds them, so refuse rather than guess.
    throw new CanonicalJsonError('unsupported_value');
  }
  ancestors.delete(object);
  return text;
}

/**
 * The text a field's value compares by, in the merge, the write path and undo: its canonical JSON,
 * except that a field a record does not have (`undefined`, which JSON cannot write) gets a text of
 * its own, so that "absent" compares equal only to "absent" — never to `null`. Only comparisons use
 * it; what is hashed is always `canonicalJson`.
 */
export function comparableJson(value: unknown): string {
  return value === undefined ? 'undefined' : canonicalJson(value);
}

/** Two field values are the same exactly when their comparable JSON is. */
export function sameValue(a: unknown, b: unknown): boolean {
  return comparableJson(a) === comparableJson(b);
}

/** The fields of `record` named in `keys` that it has (a field set to `undefined` is absent). */
export function definedFields(record: object, keys: readonly string[]): Record<string, unknown> {
  const source = record as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]));
}

/**
 * A quick structural check: `true` only when the two values' canonical JSON is the same (same keys
 * in any order, same items, equal numbers — 0 and -0 alike, as JSON prints them). It may answer
 * `false` for values whose canonical JSON is equal (NaN, a key set to undefined on one side only,
 * anything but plain objects and arrays, deep nesting): callers then compare the slow way.
 */
export function surelySameJson(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || depth > MAX_DEPTH) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!surelySameJson(a[i], b[i], depth + 1)) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const key of keys) if (!Object.hasOwn(y, key) || !surelySameJson(x[key], y[key], depth + 1)) return false;
  return true;
}

const MAX_DEPTH = 64;
const isPlain = (o: object) => Object.getPrototypeOf(o) === Object.prototype || Object.getPrototypeOf(o) === null;

/**
 * JSON text of a value with the same refusals as `canonicalJson` (non-finite numbers, values JSON
 * cannot carry such as Dates, Maps or typed arrays, cycles), but keys in the value's own order: for
 * text that is only ever parsed back, never hashed or compared (a sealed record's payload), where
 * sorting every object's keys would be time spent for nothing.
 */
export function plainJson(value: unknown): string {
  try {
    const text = JSON.stringify(value, function check(this: Record<string, unknown>, key: string, converted: unknown) {
      // `this[key]` is the value before any toJSON: a Date must be refused, not turned into a string.
      const original = this[key];
      switch (typeof original) {
        case 'number':
          if (!Number.isFinite(original)) throw new CanonicalJsonError('non_finite_number');
          return converted;
        case 'bigint':
        case 'function':
        case 'symbol':
          throw new CanonicalJsonError('unsupported_value');
        case 'object':
          if (original !== null && !Array.isArray(original)) {
            const prototype: unknown = Object.getPrototypeOf(original);
            if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError('unsupported_value');
          }
          return converted;
        default:
          return converted;
      }
    });
    if (text === undefined) throw new CanonicalJsonError('unsupported_value');
    return text;
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw error;
    // JSON.stringify's own TypeError: a cycle (the only one left once the replacer has checked types).
    if (error instanceof TypeError) throw new CanonicalJsonError('cycle');
    throw error;
  }
}
