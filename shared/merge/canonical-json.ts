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
