import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson, CanonicalJsonError, plainJson } from '../json';
import { aadOf, openBytes, sealBytes } from './aead';

/**
 * One record, sealed or opened synchronously (it runs inside Dexie's writes and reads: an await on
 * anything but IndexedDB would end the transaction). The fields queries need (the primary key and the
 * indexed fields) stay in clear; every other field goes, as canonical JSON, into one sealed field.
 *
 * The associated data binds the sealed bytes to where they are: format, table, primary key, and every
 * field left in clear. So a ciphertext copied onto another record or table, a clear field edited
 * (a record moved into another case by changing its `caseId`), a field added beside the sealed one,
 * one flipped bit or a cut-short value all fail authentication, and the record is reported as
 * damaged (DamagedRecordError) instead of being shown as data.
 */

/** The field that holds the sealed bytes: format (1 byte) ‖ nonce ‖ ciphertext ‖ tag. */
export const SEALED_FIELD = '_sealed';
/** The layout of the sealed field; the first byte of every sealed value. */
export const RECORD_FORMAT = 1;

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
  // Built from entries: a field named "__proto__" (hostile input can name one) stays a field, and the
  // objects stay fast ones (null-prototype objects are dictionaries, several times slower to fill and
  // to write as JSON).
  const clearEntries: [string, unknown][] = [];
  const hiddenEntries: [string, unknown][] = [];
  for (const [field, value] of Object.entries(record)) {
    if (value === undefined) continue;
    // A handful of clear fields: a scan beats building a Set for every record.
    (clearFields.includes(field) ? clearEntries : hiddenEntries).push([field, value]);
  }
  const clear = Object.fromEntries(clearEntries);
  const hidden = Object.fromEntries(hiddenEntries);
  let payload: string;
  let aad: Uint8Array;
  try {
    // Only parsed back, never hashed: key order does not matter, refusals do (plainJson).
    payload = plainJson(hidden);
    aad = recordAad(place, clear);
  } catch (error) {
    if (error instanceof CanonicalJsonError) throw new UnsealableRecordError(place.table, error.reason);
    throw error;
  }
  const sealed = sealBytes(key, UTF8.encode(payload), aad);
  const stored = new Uint8Array(1 + sealed.length);
  stored[0] = RECORD_FORMAT;
  stored.set(sealed, 1);
  return { ...clear, [SEALED_FIELD]: stored };
}

/** The record as it was sealed, or DamagedRecordError. Every field beside the sealed one is checked as clear. */
export function openRecord(key: Uint8Array, place: RecordPlace, stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const { [SEALED_FIELD]: sealed, ...clear } = stored;
  if (sealed === undefined) throw new DamagedRecordError(place.table, place.primaryKey, 'missing');
  if (!(sealed instanceof Uint8Array) || sealed.length < 1 || sealed[0] !== RECORD_FORMAT) {
    throw new DamagedRecordError(place.table, place.primaryKey, 'format');
  }
  let aad: Uint8Array;
  try {
    aad = recordAad(place, clear);
  } catch {
    // A clear value JSON cannot carry was never written by sealRecord.
    throw new DamagedRecordError(place.table, place.primaryKey, 'authentication');
  }
  const plaintext = openBytes(key, sealed.subarray(1), aad);
  if (!plaintext) throw new DamagedRecordError(place.table, place.primaryKey, 'authentication');
  let hidden: unknown;
  try {
    hidden = JSON.parse(STRICT_UTF8.decode(plaintext));
  } catch {
    throw new DamagedRecordError(place.table, place.primaryKey, 'payload');
  }
  if (hidden === null || typeof hidden !== 'object' || Array.isArray(hidden)) throw new DamagedRecordError(place.table, place.primaryKey, 'payload');
  return { ...(hidden as Record<string, unknown>), ...clear };
}

/** True when a stored value carries a sealed field (what a migration would ask of an old row). */
export function isSealedRecord(stored: unknown): boolean {
  return typeof stored === 'object' && stored !== null && SEALED_FIELD in stored;
}

function recordAad(place: RecordPlace, clear: Record<string, unknown>): Uint8Array {
  // A clear field may be bytes already sealed by other means (the identity's secret): bound as hex.
  const bound = Object.fromEntries(Object.entries(clear).map(([field, value]) => [field, value instanceof Uint8Array ? { bytes: bytesToHex(value) } : value]));
  return aadOf(canonicalJson({ purpose: 'vigia.record', format: RECORD_FORMAT, table: place.table, key: place.primaryKey, clear: bound }));
}

/** The primary key as one canonical string (JSON: "id" and 1 differ, compound keys are arrays). */
function describeKey(primaryKey: unknown): string {
  try {
    return canonicalJson(primaryKey);
  } catch {
    return String(primaryKey);
  }
}
