import { canonicalJson as canonicalJsonOf } from '../audit/canonical-json';

/**
 * The merge compares field values through the same canonical JSON that the audit chain hashes
 * (shared/audit). A field a record does not have is `undefined`, which JSON cannot write: it is
 * given its own text here so that "absent" compares equal only to "absent".
 */
export function canonicalJson(value: unknown): string {
  return value === undefined ? 'undefined' : canonicalJsonOf(value);
}

/** Two values are the same exactly when their canonical JSON is. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
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
