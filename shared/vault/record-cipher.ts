import { asciiJson, canonicalJson, CanonicalJsonError, plainJson } from '../json';
import { openBytesWith, sealBytes } from './aead';
import { RECORD_FORMAT, recordAad, roomFor, unpaddedAad, UNPADDED_RECORD_FORMAT } from './record-aad';

/**
 * One record, sealed or opened synchronously (it runs inside Dexie's writes and reads: an await on
 * anything but IndexedDB would end the transaction). The fields queries need (the primary key and the
 * indexed fields) stay in clear; every other field goes, as JSON, into one sealed field.
 *
 * The associated data binds the sealed bytes to where they are: format, table, primary key, and every
 * field left in clear. So a ciphertext copied onto another record or table, a clear field edited
 * (a record moved into another case by changing its `caseId`), a field added beside the sealed one,
 * one flipped bit or a cut-short value all fail authentication, and the record is reported as
 * damaged (DamagedRecordError) instead of being shown as data.
 *
 * Two layouts are read (docs/security.md, "Record formats"); new rows are always written in the last:
 * - format 1: the JSON as it is; associated data the canonical JSON of
 *   {purpose, format, table, key, clear}. Rows written before format 2 stay so until written again
 *   (reseal-old-rows.ts writes them again after unlock, once).
 * - format 2: the JSON padded with spaces to a length bucket (`paddedLength`), so that a row's size
 *   on disk tells little about its content; associated data the JSON of one fixed array (`aadText`),
 *   several times cheaper to build than canonical JSON of an object, and as unambiguous.
 */

/** The field that holds the sealed bytes: format (1 byte) ‖ nonce ‖ ciphertext ‖ tag. */
export const SEALED_FIELD = '_sealed';
export { RECORD_FORMAT, UNPADDED_RECORD_FORMAT } from './record-aad';

export interface RecordPlace {
  readonly table: string;
  /** The record's primary key as IndexedDB holds it (a string, a number, or an array for compound keys). */
  readonly primaryKey: unknown;
}

export type DamagedReason =
  /** No sealed field in a table that is sealed: a plain row cannot be trusted, so it is not shown. */
  | 'missing'
  /** The sealed field is not bytes of a format this version reads. */
  | 'format'
  /** The bytes were not sealed here, with this key: tampered, moved, truncated or another case's key. */
  | 'authentication'
  /** Authentic bytes whose content is not a record (only a writer with the key could produce this). */
  | 'payload'
  /** No key to open it: its case's key is gone (the case was deleted, which destroys its key). */
  | 'key';

/** A stored record that did not open; names the record so the UI can report which one is damaged. */
export class DamagedRecordError extends Error {
  readonly key: string;
  constructor(
    readonly table: string,
    primaryKey: unknown,
    readonly reason: DamagedReason,
  ) {
    const key = describeKey(primaryKey);
    super(`vault_damaged_record:${table}:${key}:${reason}`);
    this.name = 'DamagedRecordError';
    this.key = key;
  }
}

/** A record that cannot be sealed: it holds a value JSON cannot carry, or a field named like the sealed one. */
export class UnsealableRecordError extends Error {
  constructor(
    readonly table: string,
    readonly reason: 'reserved_field' | CanonicalJsonError['reason'],
  ) {
    super(`vault_unsealable_record:${table}:${reason}`);
    this.name = 'UnsealableRecordError';
  }
}

const UTF8 = new TextEncoder();
const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The stored form: the clear fields as they were, the rest sealed into SEALED_FIELD. */
export function sealRecord(key: Uint8Array, place: RecordPlace, record: Readonly<Record<string, unknown>>, clearFields: readonly string[]): Record<string, unknown> {
  if (SEALED_FIELD in record) throw new UnsealableRecordError(place.table, 'reserved_field');
  // Filled field by field (setField: a field named "__proto__", which hostile input can name, stays a
  // field): one pass, and the objects stay fast ones (null-prototype objects are dictionaries, several
  // times slower to fill and to write as JSON).
  const stored: Record<string, unknown> = {};
  const hidden: Record<string, unknown> = {};
  const clearNames: string[] = [];
  for (const field of Object.keys(record)) {
    const value = record[field];
    if (value === undefined) continue;
    // A handful of clear fields: a scan beats building a Set for every record.
    if (clearFields.includes(field)) {
      setField(stored, field, value);
      clearNames.push(field);
    } else {
      setField(hidden, field, value);
    }
  }
  let payload: string;
  let aad: Uint8Array;
  try {
    payload = payloadJson(hidden);
    aad = recordAad(place, stored, sortedNames(clearNames));
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new UnsealableRecordError(place.table, error.reason);
    throw error;
  }
  stored[SEALED_FIELD] = sealPadded(key, payload, aad);
  return stored;
}

/** The record as it was sealed, or DamagedRecordError. Every field beside the sealed one is checked as clear. */
export function openRecord(key: Uint8Array, place: RecordPlace, stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const sealed = stored[SEALED_FIELD];
  if (sealed === undefined) throw new DamagedRecordError(place.table, place.primaryKey, 'missing');
  if (!(sealed instanceof Uint8Array) || sealed.length < 1) throw new DamagedRecordError(place.table, place.primaryKey, 'format');
  if (sealed[0] === RECORD_FORMAT) return openPadded(key, place, stored, sealed);
  if (sealed[0] === UNPADDED_RECORD_FORMAT) return openUnpadded(key, place, stored, sealed);
  throw new DamagedRecordError(place.table, place.primaryKey, 'format');
}

/** One row of several to open: its place, its key (none when its case's key is gone), the row as stored. */
export interface SealedRow extends RecordPlace {
  readonly key: Uint8Array | undefined;
  readonly stored: Readonly<Record<string, unknown>>;
}

/**
 * Opens the rows a query read: for each, what openRecord gives it, the record or the
 * DamagedRecordError it would throw (returned here, not thrown; reason 'key' where there is no key).
 * The same records and the same damage, for less: each format-2 payload is copied, once it has
 * authenticated, into one array kept for the purpose; the array is decoded in one call every
 * BATCH_BYTES, and each record parsed from its slice of that text. In Chromium a TextDecoder call
 * costs some 1.7 µs whatever its length, a third of what opening adds to reading a record plain.
 * The slices are exact because new payloads are ASCII (one byte a character); a batch that is not
 * (rows sealed before ASCII payloads) is decoded record by record, as openRecord does.
 */
export function openRecords(rows: readonly SealedRow[]): (Record<string, unknown> | DamagedRecordError)[] {
  const opened = new Array<Record<string, unknown> | DamagedRecordError>(rows.length);
  const batch = payloadBatch;
  // Rows of a table mostly have the same fields: their sorted clear names are kept from one row to the next.
  let fields: readonly string[] = [];
  let clearNames: readonly string[] = [];
  try {
    for (let i = 0; i < rows.length; i += 1) {
      const place = rows[i]!;
      const { key, stored } = place;
      const sealed = stored[SEALED_FIELD];
      if (!key || !(sealed instanceof Uint8Array) || sealed[0] !== RECORD_FORMAT) {
        opened[i] = key ? openedOrDamaged(key, place, stored) : new DamagedRecordError(place.table, place.primaryKey, 'key');
        continue;
      }
      const names = Object.keys(stored);
      if (!sameNames(names, fields)) {
        fields = names;
        clearNames = sortedNames(clearFieldsOf(stored));
      }
      let taken: boolean | null;
      try {
        taken = openBytesWith(key, sealed, paddedAad(place, stored, clearNames), batch.take, 1);
      } catch (error) {
        if (!(error instanceof DamagedRecordError)) throw error;
        opened[i] = error;
        continue;
      }
      if (taken === null) opened[i] = new DamagedRecordError(place.table, place.primaryKey, 'authentication');
      else if (!taken) opened[i] = new DamagedRecordError(place.table, place.primaryKey, 'payload');
      else {
        batch.rows.push(i);
        batch.clearNames.push(clearNames);
        if (batch.used >= BATCH_BYTES) batch.parseInto(opened, rows);
      }
    }
    batch.parseInto(opened, rows);
    return opened;
  } finally {
    batch.clear();
  }
}

function openedOrDamaged(key: Uint8Array, place: RecordPlace, stored: Readonly<Record<string, unknown>>): Record<string, unknown> | DamagedRecordError {
  try {
    return openRecord(key, place, stored);
  } catch (error) {
    if (error instanceof DamagedRecordError) return error;
    throw error;
  }
}

/** Decoded in one call per this many bytes of payloads: large enough that the call's cost vanishes, small enough to stay in cache. */
const BATCH_BYTES = 1 << 16;

/** The payloads openRecords has taken and not yet parsed: their bytes end to end, the rows they belong to. */
const payloadBatch = {
  bytes: new Uint8Array(BATCH_BYTES * 2),
  used: 0,
  /** Where each payload ends in `bytes` (each starts where the one before ends). */
  ends: [] as number[],
  rows: [] as number[],
  clearNames: [] as (readonly string[])[],
  /** The cipher's callback: copies a well-padded payload's JSON in (the plaintext is only lent); false when it is not padded as sealed. */
  take(plaintext: Uint8Array): boolean {
    const end = payloadEnd(plaintext);
    if (end < 0) return false;
    const batch = payloadBatch;
    if (batch.used + end > batch.bytes.length) {
      const grown = new Uint8Array(roomFor(batch.used + end));
      grown.set(batch.bytes.subarray(0, batch.used));
      batch.bytes.fill(0, 0, batch.used);
      batch.bytes = grown;
    }
    batch.bytes.set(plaintext.subarray(0, end), batch.used);
    batch.used += end;
    batch.ends.push(batch.used);
    return true;
  },
  /** Parses every payload taken into its row's place in `opened`, then clears. */
  parseInto(opened: (Record<string, unknown> | DamagedRecordError)[], rows: readonly SealedRow[]): void {
    let text: string | undefined;
    try {
      text = STRICT_UTF8.decode(this.bytes.subarray(0, this.used));
    } catch {
      text = undefined;
    }
    // As many characters as bytes only when every byte is ASCII: then a character's index is its byte's.
    const ascii = text !== undefined && text.length === this.used;
    let start = 0;
    for (let j = 0; j < this.rows.length; j += 1) {
      const end = this.ends[j]!;
      const hidden = ascii ? parsedText(text!.slice(start, end)) : parsedRecord(this.bytes.subarray(start, end));
      const row = rows[this.rows[j]!]!;
      opened[this.rows[j]!] = hidden === NOT_A_RECORD ? new DamagedRecordError(row.table, row.primaryKey, 'payload') : withClearFields(hidden, row.stored, this.clearNames[j]!);
      start = end;
    }
    this.clear();
  },
  /** Wipes the plaintexts and forgets the rows. */
  clear(): void {
    this.bytes.fill(0, 0, this.used);
    this.used = 0;
    this.ends.length = 0;
    this.rows.length = 0;
    this.clearNames.length = 0;
  },
};

/** True when a stored value carries a sealed field (what a migration would ask of an old row). */
export function isSealedRecord(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && SEALED_FIELD in stored;
}

/**
 * The length a format-2 payload of `length` bytes is padded to: PADMÉ (Nikitin et al., "Reducing
 * metadata leakage from encrypted files and communication with PURBs", 2019), but never in steps
 * finer than 32 bytes. PADMÉ rounds a length L up to a multiple of 2^(⌊log2 L⌋ − ⌊log2 ⌊log2 L⌋⌋ − 1),
 * so that a length tells only O(log log L) bits of it, for at most 12% more. Our records are small
 * (the demo case's payloads: median 310 bytes, 90% under 420), where PADMÉ alone steps by 8 or 16
 * bytes and so tells a name's or a note's length to a few characters; 32-byte steps up to 1 KiB
 * leave 20 distinct lengths in the demo case instead of 30 (418 unpadded), for 5.1% more payload
 * instead of 2.9% (17 bytes a record, 1.8 MB over its 106,069 records; 64-byte steps would cost
 * 9.4% for 12 lengths). Above 1 KiB the steps are PADMÉ's (64 bytes from 1 KiB, 128 from 2 KiB, …
 * 2 KiB from 32 KiB), at most 6.25% more. Attachments are padded by it too (attachment-cipher.ts,
 * format 2). Pinned by both formats: changing it is a new format of each.
 */
export function paddedLength(length: number): number {
  if (length <= MIN_PAD_STEP) return MIN_PAD_STEP;
  const exponent = 31 - Math.clz32(length); // ⌊log2 L⌋
  const exponentBits = 32 - Math.clz32(exponent); // ⌊log2 ⌊log2 L⌋⌋ + 1
  const step = Math.max(MIN_PAD_STEP, 1 << (exponent - exponentBits));
  return Math.ceil(length / step) * step;
}

const MIN_PAD_STEP = 32;
/** Padding is spaces after the JSON: JSON.stringify never ends an object's text with one, so where the JSON ends is never in doubt. */
const SPACE = 0x20;
const CLOSING_BRACE = 0x7d;

/** A format-2 row: the payload padded, sealed behind the format byte in one array. */
function sealPadded(key: Uint8Array, payload: string, aad: Uint8Array): Uint8Array {
  const room = plaintextRoom(paddedLength(payload.length * 3));
  const { written } = UTF8.encodeInto(payload, room);
  const length = paddedLength(written);
  room.fill(SPACE, written, length);
  try {
    const sealed = sealBytes(key, room.subarray(0, length), aad, 1);
    sealed[0] = RECORD_FORMAT;
    return sealed;
  } finally {
    // The room is reused: no record's plaintext is left in it for longer than its own seal.
    room.fill(0, 0, length);
  }
}

function openPadded(key: Uint8Array, place: RecordPlace, stored: Readonly<Record<string, unknown>>, sealed: Uint8Array): Record<string, unknown> {
  const clearNames = sortedNames(clearFieldsOf(stored));
  const hidden = openBytesWith(key, sealed, paddedAad(place, stored, clearNames), paddedPayload, 1);
  if (hidden === null) throw new DamagedRecordError(place.table, place.primaryKey, 'authentication');
  if (hidden === NOT_A_RECORD) throw new DamagedRecordError(place.table, place.primaryKey, 'payload');
  return withClearFields(hidden, stored, clearNames);
}

/** A format-2 row's associated data, from its clear fields (sorted). */
function paddedAad(place: RecordPlace, stored: Readonly<Record<string, unknown>>, clearNames: readonly string[]): Uint8Array {
  try {
    return recordAad(place, stored, clearNames);
  } catch {
    // A clear value the associated data cannot carry (undefined, a Date…) was never written by sealRecord.
    throw new DamagedRecordError(place.table, place.primaryKey, 'authentication');
  }
}

/** Format 1, exactly as it was read before format 2 (only the copies are fewer). */
function openUnpadded(key: Uint8Array, place: RecordPlace, stored: Readonly<Record<string, unknown>>, sealed: Uint8Array): Record<string, unknown> {
  const clearNames = clearFieldsOf(stored);
  let aad: Uint8Array;
  try {
    aad = unpaddedAad(place, stored, clearNames);
  } catch {
    throw new DamagedRecordError(place.table, place.primaryKey, 'authentication');
  }
  const hidden = openBytesWith(key, sealed, aad, parsedRecord, 1);
  if (hidden === null) throw new DamagedRecordError(place.table, place.primaryKey, 'authentication');
  if (hidden === NOT_A_RECORD) throw new DamagedRecordError(place.table, place.primaryKey, 'payload');
  return withClearFields(hidden, stored, clearNames);
}

const NOT_A_RECORD = Symbol('not a record');

/**
 * A format-2 payload read strictly: the JSON of one object, then spaces up to exactly its bucket,
 * as sealPadded writes it. Any other authentic content (which only a writer with the key could make)
 * is not a record, rather than a text JSON.parse would also take (tabs or line ends as padding, no
 * object, padding to another length). The spaces checked, the whole is parsed: JSON.parse skips them.
 */
function paddedPayload(plaintext: Uint8Array): Record<string, unknown> | typeof NOT_A_RECORD {
  return payloadEnd(plaintext) < 0 ? NOT_A_RECORD : parsedRecord(plaintext);
}

/** Where a format-2 payload's JSON ends, before its padding; -1 when it is not padded as sealPadded pads. */
function payloadEnd(plaintext: Uint8Array): number {
  let end = plaintext.length;
  while (end > 0 && plaintext[end - 1] === SPACE) end -= 1;
  return plaintext[end - 1] === CLOSING_BRACE && paddedLength(end) === plaintext.length ? end : -1;
}

/** The object the bytes hold as UTF-8 JSON; decoded where the cipher lent them. */
function parsedRecord(plaintext: Uint8Array): Record<string, unknown> | typeof NOT_A_RECORD {
  let text: string;
  try {
    text = STRICT_UTF8.decode(plaintext);
  } catch {
    return NOT_A_RECORD;
  }
  return parsedText(text);
}

/** The object a JSON text holds. */
function parsedText(text: string): Record<string, unknown> | typeof NOT_A_RECORD {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return NOT_A_RECORD;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : NOT_A_RECORD;
}

/** Every field of a stored row but the sealed one, in no particular order: all of them are clear, and all are bound. */
function clearFieldsOf(stored: Readonly<Record<string, unknown>>): string[] {
  const names = Object.keys(stored);
  const sealedAt = names.indexOf(SEALED_FIELD);
  if (sealedAt >= 0) {
    // The last name put in its place: no array made for the one removed, as splice would.
    names[sealedAt] = names[names.length - 1]!;
    names.pop();
  }
  return names;
}

/** The same field names in the same order (property names are shared strings: mostly a pointer compare). */
function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Sorted in place by UTF-16 code units, as Array.prototype.sort would: an insertion sort, since rows have a handful of clear fields, often already in order. */
function sortedNames(names: string[]): string[] {
  for (let i = 1; i < names.length; i += 1) {
    const name = names[i]!;
    let j = i - 1;
    for (; j >= 0 && names[j]! > name; j -= 1) names[j + 1] = names[j]!;
    names[j + 1] = name;
  }
  return names;
}

/**
 * The opened record: the parsed payload, which is ours alone, with the clear fields set on it (after
 * its own, and winning over a hidden field of the same name, as `{...hidden, ...clear}` did), rather
 * than a rest copy of the stored row and a spread of both into a third object.
 */
function withClearFields(hidden: Record<string, unknown>, stored: Readonly<Record<string, unknown>>, clearNames: readonly string[]): Record<string, unknown> {
  for (const field of clearNames) setField(hidden, field, stored[field]);
  return hidden;
}

/** Sets a field as a field: assigning "__proto__" (hostile input can name one) would set the prototype instead. */
function setField(target: Record<string, unknown>, field: string, value: unknown): void {
  if (field === '__proto__') Object.defineProperty(target, field, { value, writable: true, enumerable: true, configurable: true });
  else target[field] = value;
}

/**
 * The payload's JSON, refusing what JSON would change or drop (as plainJson does: non-finite numbers,
 * Dates, Maps, typed arrays, functions, cycles). Checked by a walk and written by a plain
 * JSON.stringify: plainJson's replacer, called back at every value, cost more than the whole rest of
 * sealing. A value nested deeper than the walk goes (or a cycle) is left to plainJson itself.
 */
function payloadJson(hidden: Record<string, unknown>): string {
  // Written in ASCII (asciiJson): decoded and parsed faster when opened; every reader is unchanged.
  return asciiJson(jsonSafe(hidden, 0) ? JSON.stringify(hidden) : plainJson(hidden));
}


const DEEPEST_WALKED = 64;

/** False when too deep to tell here; throws CanonicalJsonError for what JSON cannot carry. */
function jsonSafe(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return true;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('non_finite_number');
      return true;
    case 'object':
      break;
    default:
      throw new CanonicalJsonError('unsupported_value');
  }
  if (value === null) return true;
  if (depth >= DEEPEST_WALKED) return false;
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) if (!jsonSafe(item, depth + 1)) return false;
    return true;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new CanonicalJsonError('unsupported_value');
  const record = value as Record<string, unknown>;
  for (const field in record) if (!jsonSafe(record[field], depth + 1)) return false;
  return true;
}

/** Plaintext is written into one array kept from record to record (as record-aad.ts keeps the associated data). */
let plaintextSpace = new Uint8Array(4096);

function plaintextRoom(bytes: number): Uint8Array {
  if (plaintextSpace.length < bytes) plaintextSpace = new Uint8Array(roomFor(bytes));
  return plaintextSpace;
}

/** The primary key as one canonical string (JSON: "id" and 1 differ, compound keys are arrays). */
function describeKey(primaryKey: unknown): string {
  try {
    return canonicalJson(primaryKey);
  } catch {
    return String(primaryKey);
  }
}
