/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers and strings serialised as ECMAScript's JSON does. The same value always
 * gives the same text, on every machine, so its hash can be recomputed years later.
 *
 * Like JSON itself, object properties whose value is `undefined` are left out (IndexedDB keeps
 * them, JSON would not), and `undefined` inside arrays becomes `null`.
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
