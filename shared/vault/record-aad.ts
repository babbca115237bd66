import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../json';
import { aadOf } from './aead';
import type { RecordPlace } from './record-cipher';

const UTF8 = new TextEncoder();

/**
 * What binds a sealed record to where it is (record-cipher.ts): the associated data of each record
 * format, which names the format, the table, the primary key and every field left in clear. Pinned
 * by the formats (docs/security.md, "Record formats"): changing a byte of it is a new format.
 */

/** The layout new rows are sealed in; the first byte of every sealed value. */
export const RECORD_FORMAT = 2;
/** The first layout, unpadded: still opened, never written. */
export const UNPADDED_RECORD_FORMAT = 1;

/**
 * Format 2's associated data: the JSON text of one array,
 *   ["vigia.record", 2, table, key, name, value, name, value, …]
 * with every clear field, sorted by name. Each item is the JSON of one value, so the text parses back
 * into exactly these items, and names and values alternate from the fifth: two places or two sets of
 * clear fields never give the same text. Values are written as they are when JSON writes them one way
 * only (strings, finite numbers, booleans, null, and arrays of those, such as compound keys); bytes as
 * {"bytes": hex}; anything else as {"json": its canonical JSON, as a string}, or refused as
 * canonicalJson refuses it (non-finite numbers, Dates, undefined). A tag of its own for each kind, so
 * that bytes, objects and text never pass for one another (format 1 could not tell bytes from an
 * object {bytes: hex}). One JSON.stringify of a short array: a sixth of what canonical JSON of the
 * nested object cost.
 */
function aadText(place: RecordPlace, fields: Readonly<Record<string, unknown>>, clearNames: readonly string[]): string {
  const items: unknown[] = [RECORD_PURPOSE, RECORD_FORMAT, place.table, boundValue(place.primaryKey)];
  for (const field of clearNames) items.push(field, boundValue(fields[field]));
  return JSON.stringify(items);
}

const RECORD_PURPOSE = 'vigia.record';

function boundValue(value: unknown): unknown {
  if (isFlatJson(value)) return value;
  if (Array.isArray(value) && value.every(isFlatJson) && !hasHoles(value)) return value;
  // A clear field may be bytes already sealed by other means (the identity's secret).
  if (value instanceof Uint8Array) return { bytes: bytesToHex(value) };
  return { json: canonicalJson(value) };
}

/** Values JSON.stringify writes one way only, the same text canonicalJson gives them (-0 aside, written 0 by both). */
function isFlatJson(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean' || value === null;
}

/** `every` skips holes, which JSON.stringify writes as null: those arrays go the canonical way. */
function hasHoles(array: readonly unknown[]): boolean {
  for (let i = 0; i < array.length; i += 1) if (!(i in array)) return true;
  return false;
}

/** Format 1's associated data, unchanged: canonical JSON of an object, bytes as {bytes: hex}. */
export function unpaddedAad(place: RecordPlace, stored: Readonly<Record<string, unknown>>, clearNames: readonly string[]): Uint8Array {
  const bound: [string, unknown][] = clearNames.map((field) => {
    const value = stored[field];
    return [field, value instanceof Uint8Array ? { bytes: bytesToHex(value) } : value];
  });
  return aadOf(canonicalJson({ purpose: RECORD_PURPOSE, format: UNPADDED_RECORD_FORMAT, table: place.table, key: place.primaryKey, clear: Object.fromEntries(bound) }));
}

/**
 * Associated data is written into one array kept from one record to the next, not into new ones:
 * the cipher reads it at once, and a hundred thousand short-lived arrays cost their allocation and,
 * more, the collections they bring (record-cipher.ts keeps its plaintexts the same way).
 */
let aadRoom = new Uint8Array(1024);

/**
 * Format 2's associated data as bytes (aadText, UTF-8). Most rows' clear values are ids, dates and
 * small numbers: their JSON is written here straight into the reused bytes, one character a byte,
 * rather than built as an array, written by JSON.stringify and encoded by TextEncoder (three calls
 * that cost some 2 µs a record, a sixth of opening one in Chromium). A value this cannot write
 * byte for byte as JSON.stringify would (a character to escape or beyond ASCII, bytes, an object)
 * sends the whole row the general way; both give the same bytes (record-cipher.test.ts).
 */
export function recordAad(place: RecordPlace, fields: Readonly<Record<string, unknown>>, clearNames: readonly string[]): Uint8Array {
  const writer = aadWriter;
  writer.at = 0;
  let written = writer.raw(AAD_HEAD) && writer.string(place.table) && writer.raw(',') && writer.value(place.primaryKey);
  for (let i = 0; written && i < clearNames.length; i += 1) {
    const field = clearNames[i]!;
    written = writer.raw(',') && writer.string(field) && writer.raw(',') && writer.value(fields[field]);
  }
  return written && writer.raw(']') ? aadRoom.subarray(0, writer.at) : aadBytes(aadText(place, fields, clearNames));
}

const AAD_HEAD = `[${JSON.stringify(RECORD_PURPOSE)},${RECORD_FORMAT},`;

/** Writes JSON into aadRoom where it can give JSON.stringify's bytes exactly; false where it cannot (nothing is then used). */
const aadWriter = {
  at: 0,
  raw(text: string): boolean {
    return this.ascii(text, false);
  },
  string(text: string): boolean {
    return this.raw('"') && this.ascii(text, true) && this.raw('"');
  },
  /** A value as boundValue keeps it: flat values, and arrays of them (compound keys). */
  value(value: unknown): boolean {
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number') return Number.isFinite(value) && this.raw(String(value));
    if (typeof value === 'boolean') return this.raw(value ? 'true' : 'false');
    if (value === null) return this.raw('null');
    if (!Array.isArray(value)) return false;
    if (!this.raw('[')) return false;
    for (let i = 0; i < value.length; i += 1) {
      if (!(i in value)) return false;
      const item: unknown = value[i];
      if (Array.isArray(item) || (i > 0 && !this.raw(',')) || !this.value(item)) return false;
    }
    return this.raw(']');
  },
  /** Printable ASCII only; in a string, no quote or backslash (JSON escapes them). */
  ascii(text: string, inString: boolean): boolean {
    const end = this.at + text.length;
    if (end > aadRoom.length) {
      if (end > MAX_FAST_AAD) return false;
      const grown = new Uint8Array(roomFor(end));
      grown.set(aadRoom.subarray(0, this.at));
      aadRoom = grown;
    }
    const room = aadRoom;
    let at = this.at;
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      if (unit < 0x20 || unit > 0x7e || (inString && (unit === QUOTE || unit === BACKSLASH))) return false;
      room[at++] = unit;
    }
    this.at = at;
    return true;
  },
};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Rows with longer clear values (none of ours) go the general way. */
const MAX_FAST_AAD = 1 << 16;

function aadBytes(text: string): Uint8Array {
  // UTF-8 takes at most 3 bytes for each UTF-16 code unit.
  if (aadRoom.length < text.length * 3) aadRoom = new Uint8Array(roomFor(text.length * 3));
  return aadRoom.subarray(0, UTF8.encodeInto(text, aadRoom).written);
}

/** A reused array's next size: the next power of two, so that it grows a few times at most. */
export const roomFor = (bytes: number) => 2 ** Math.ceil(Math.log2(bytes));
